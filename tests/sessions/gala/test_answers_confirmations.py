"""The gala dinner: answers and their confirmations."""

import datetime as dt

import pytest
from django.core import mail

from sessions import services
from sessions.errors import NotAGalaDinner
from sessions.models import GalaAnswer, GalaSeat
from tests.factories import (
    HANOI,
    SessionFactory,
)
from tests.sessions.gala.support import delegation_of, head_of, table

pytestmark = pytest.mark.django_db


def test_answers_are_recorded_and_confirmed_in_the_delegations_language(
    gala, django_capture_on_commit_callbacks
):
    british = head_of(delegation_of(gala.conference, "GB", "en"), "minister")
    french = head_of(delegation_of(gala.conference, "FR", "fr"), "ambassador")

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_gala_dinner(
            gala, delegate=british, attending=True, dietary_needs="  Vegetarian,\n no nuts "
        )
        services.answer_gala_dinner(gala, delegate=french, attending=False)

    answers = {a.delegate_id: a for a in GalaAnswer.objects.filter(session=gala)}
    assert (answers[british.pk].attending, answers[british.pk].dietary_needs) == (
        True,
        "Vegetarian, no nuts",
    )
    assert answers[french.pk].attending is False
    english, french_mail = mail.outbox
    assert (english.to, english.subject) == ([british.email], "Gala dinner: attendance recorded")
    assert (
        'We have recorded that you will attend "Gala dinner" on 25 October 2025, 19:30 '
        "(Hanoi time, UTC+7)." in english.body
    )
    assert (french_mail.to, french_mail.subject) == (
        [french.email],
        "Dîner de gala : absence enregistrée",
    )
    assert "vous ne serez pas présent(e) à « Gala dinner »" in french_mail.body


def test_the_same_answer_twice_sends_nothing_new_and_regrets_free_the_seat(
    gala, django_capture_on_commit_callbacks
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    table(gala, 1, 4)

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_gala_dinner(gala, delegate=guest, attending=True)
        services.answer_gala_dinner(gala, delegate=guest, attending=True, dietary_needs="Halal")
        services.seat_gala_dinner(gala)
        services.answer_gala_dinner(gala, delegate=guest, attending=False)

    assert [m.subject for m in mail.outbox] == [
        "Gala dinner: attendance recorded",
        "Gala dinner: regrets recorded",
    ]
    answer = GalaAnswer.objects.get(session=gala, delegate=guest)
    assert (answer.attending, answer.dietary_needs) == (False, "")
    assert GalaSeat.objects.filter(session=gala).count() == 0


def test_only_a_gala_dinner_of_the_delegates_conference_takes_answers_and_seats(
    gala, django_capture_on_commit_callbacks
):
    roundtable = SessionFactory(conference=gala.conference, kind="roundtable")
    other_gala = SessionFactory(kind="gala_dinner")
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")

    with django_capture_on_commit_callbacks(execute=True):
        for session in (roundtable, other_gala):
            with pytest.raises(NotAGalaDinner):
                services.answer_gala_dinner(session, delegate=guest, attending=True)

        with pytest.raises(NotAGalaDinner):
            services.seat_gala_dinner(roundtable)
    assert GalaAnswer.objects.count() == 0
    assert mail.outbox == []


def test_each_change_of_answer_is_confirmed_once(
    gala, django_capture_on_commit_callbacks, time_machine
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    time_machine.move_to(dt.datetime(2025, 10, 1, 9, 0, tzinfo=HANOI), tick=False)

    with django_capture_on_commit_callbacks(execute=True):
        for attending in (True, True, False, False, True, True):
            services.answer_gala_dinner(gala, delegate=guest, attending=attending)
            time_machine.shift(dt.timedelta(minutes=1))

    assert [m.subject for m in mail.outbox] == [
        "Gala dinner: attendance recorded",
        "Gala dinner: regrets recorded",
        "Gala dinner: attendance recorded",
    ]
    # The time of the present answer is when it was first given, not repeated.
    answer = GalaAnswer.objects.get(session=gala, delegate=guest)
    assert answer.answered_at == dt.datetime(2025, 10, 1, 9, 4, tzinfo=HANOI)
