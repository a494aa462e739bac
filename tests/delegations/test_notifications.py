import datetime as dt

import pytest
from django.core import mail
from icalendar import Calendar

from delegations.models import OutboundMessage
from delegations.services import (
    notify_delegate_accredited,
    notify_delegate_rejected,
    notify_programme_changes,
    notify_registration_submitted,
    send_programme_digests,
)
from sessions.services.notices import notify_gala_answer, notify_place
from tests.factories import HANOI, DelegateFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate():
    return DelegateFactory(
        email="alex.example@delegates.example.org",
        delegation__language="en",
        given_names="Alex",
        family_name="EXAMPLE",
    )


def _sent(capture, call):
    with capture(execute=True):
        call()
    return mail.outbox[-1]


def test_accreditation_is_confirmed_to_the_focal_point(
    delegate, django_capture_on_commit_callbacks
):
    message = _sent(
        django_capture_on_commit_callbacks, lambda: notify_delegate_accredited(delegate)
    )

    assert message.to == [delegate.delegation.focal_point_email]
    assert message.subject == "Accredited: Alex EXAMPLE"


def test_a_rejection_carries_its_reason(delegate, django_capture_on_commit_callbacks):
    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_delegate_rejected(delegate, reason="The photo does not show the face."),
    )

    assert "for this reason: The photo does not show the face." in message.body


def test_announcing_one_event_twice_sends_once(delegate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_delegate_accredited(delegate)
        notify_delegate_accredited(delegate)

    assert len(mail.outbox) == 1


def test_registration_submitted_counts_the_delegates(delegate, django_capture_on_commit_callbacks):
    DelegateFactory(delegation=delegate.delegation)

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_registration_submitted(delegate.delegation),
    )

    assert "2 delegates" in message.body


def test_a_confirmed_place_carries_an_ics_of_the_session(
    delegate, django_capture_on_commit_callbacks
):
    session = SessionFactory(conference=delegate.delegation.conference, title="Roundtable 1")

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_place(delegate, session=session, outcome="confirmed"),
    )

    assert message.to == ["alex.example@delegates.example.org"]
    assert message.subject == "Place confirmed: Roundtable 1"
    assert "25 October 2025, 09:00-10:00 (Hanoi time, UTC+7)" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == (f"{session.slug}.ics", "text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI)


def test_a_french_delegate_reads_the_session_and_its_room_in_french(
    django_capture_on_commit_callbacks,
):
    delegate = DelegateFactory(delegation__language="fr")
    session = SessionFactory(
        conference=delegate.delegation.conference,
        title="Opening of the signing ceremony",
        translations={"fr": {"title": "Ouverture de la cérémonie de signature"}},
        room__name="Main Hall",
        room__translations={"fr": {"name": "Salle principale"}},
    )

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_place(delegate, session=session, outcome="confirmed"),
    )

    assert "Ouverture de la cérémonie de signature" in message.subject
    assert "Salle principale" in message.body
    assert "Main Hall" not in message.body
    ((_filename, content, _mimetype),) = message.attachments
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Ouverture de la cérémonie de signature"
    assert str(event["location"]).startswith("Salle principale, ")


@pytest.mark.parametrize(
    ("language", "location"),
    [
        ("ar", "القاعة الرئيسية, المركز الوطني للمؤتمرات"),
        ("zh-hans", "主会场, 国家会议中心"),
    ],
)
def test_a_sessions_calendar_names_the_room_and_the_venue_in_the_delegates_language(
    django_capture_on_commit_callbacks, language, location
):
    delegate = DelegateFactory(
        delegation__language=language,
        delegation__conference__venue__name="National Convention Center",
        delegation__conference__venue__translations={
            "ar": {"name": "المركز الوطني للمؤتمرات"},
            "zh-hans": {"name": "国家会议中心"},
        },
    )
    session = SessionFactory(
        conference=delegate.delegation.conference,
        room__name="Main Hall",
        room__translations={"ar": {"name": "القاعة الرئيسية"}, "zh-hans": {"name": "主会场"}},
    )

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_place(delegate, session=session, outcome="confirmed"),
    )

    ((_filename, content, _mimetype),) = message.attachments
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["location"]) == location


def test_a_waitlisted_place_gives_the_position(delegate, django_capture_on_commit_callbacks):
    session = SessionFactory(conference=delegate.delegation.conference)

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_place(delegate, session=session, outcome="waitlisted", position=3),
    )

    assert "You are number 3 on its waiting list" in message.body
    assert message.attachments == []


def test_gala_answer_is_confirmed(delegate, django_capture_on_commit_callbacks):
    session = SessionFactory(conference=delegate.delegation.conference, kind="gala_dinner")

    message = _sent(
        django_capture_on_commit_callbacks,
        lambda: notify_gala_answer(delegate, session=session, attending=False),
    )

    assert message.subject == "Gala dinner: regrets recorded"


def test_programme_changes_are_gathered_into_one_message_per_person(
    delegate, django_capture_on_commit_callbacks, time_machine
):
    other = DelegateFactory(delegation=delegate.delegation, email="other@delegates.example.org")
    conference = delegate.delegation.conference
    time_machine.move_to(dt.datetime(2025, 10, 20, 9, 0, tzinfo=HANOI), tick=False)
    moved = {
        "session_id": 1,
        "title": "Roundtable 1",
        "change": "moved",
        "old_starts_at": dt.datetime(2025, 10, 25, 14, 30, tzinfo=HANOI),
        "old_ends_at": dt.datetime(2025, 10, 25, 15, 30, tzinfo=HANOI),
        "old_room": "R339",
        "new_starts_at": dt.datetime(2025, 10, 25, 16, 0, tzinfo=HANOI),
        "new_ends_at": dt.datetime(2025, 10, 25, 17, 0, tzinfo=HANOI),
        "new_room": "R313",
    }
    cancelled = {**moved, "session_id": 2, "title": "Side event", "change": "cancelled"}
    notify_programme_changes(conference, changes_by_delegate={delegate.pk: [moved]})
    time_machine.shift(dt.timedelta(minutes=3))
    notify_programme_changes(
        conference, changes_by_delegate={delegate.pk: [cancelled], other.pk: [moved]}
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert send_programme_digests() == 0  # still gathering
        time_machine.shift(dt.timedelta(minutes=10))
        assert send_programme_digests() == 2
        assert send_programme_digests() == 0

    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {
        "alex.example@delegates.example.org",
        "other@delegates.example.org",
    }
    body = by_recipient["alex.example@delegates.example.org"].body
    assert "- Roundtable 1: moved from 25 October, 14:30, R339 to 25 October, 16:00, R313" in body
    assert "- Side event: cancelled (was 25 October, 14:30, R339)" in body
    assert OutboundMessage.objects.count() == 2


def test_a_french_delegate_reads_the_changed_session_and_rooms_in_french(
    django_capture_on_commit_callbacks, time_machine
):
    delegate = DelegateFactory(delegation__language="fr")
    time_machine.move_to(dt.datetime(2025, 10, 20, 9, 0, tzinfo=HANOI), tick=False)
    moved = {
        "session_id": 1,
        "title": "Opening of the signing ceremony",
        "translations": {"fr": {"title": "Ouverture de la cérémonie de signature"}},
        "change": "moved",
        "old_starts_at": dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI),
        "old_ends_at": dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI),
        "old_room": "Main Hall",
        "old_room_translations": {"fr": {"name": "Salle principale"}},
        "new_starts_at": dt.datetime(2025, 10, 25, 9, 30, tzinfo=HANOI),
        "new_ends_at": dt.datetime(2025, 10, 25, 10, 30, tzinfo=HANOI),
        "new_room": "Hall 1",
        "new_room_translations": {"fr": {"name": "Salle 1"}},
    }
    notify_programme_changes(
        delegate.delegation.conference, changes_by_delegate={delegate.pk: [moved]}
    )

    with django_capture_on_commit_callbacks(execute=True):
        time_machine.shift(dt.timedelta(minutes=20))
        assert send_programme_digests() == 1

    body = mail.outbox[-1].body
    assert "- Ouverture de la cérémonie de signature :" in body
    assert "Salle principale" in body
    assert "Salle 1" in body
    assert "Main Hall" not in body
    assert "Opening of" not in body
