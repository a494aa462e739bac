"""Bilateral meetings: requests and answers."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sessions import services
from sessions.errors import (
    BilateralAlreadyRequested,
    BilateralDayInvalid,
    BilateralNotPossible,
    BilateralStateInvalid,
    BilateralWithItself,
    NotBilateralParty,
)
from sessions.models import BilateralMeeting
from tests.factories import ConferenceFactory, DelegationFactory
from tests.sessions.bilaterals.support import DAY, state

pytestmark = pytest.mark.django_db


def test_a_request_tells_the_delegation_asked_in_its_language(
    conference, django_capture_on_commit_callbacks
):
    france, viet_nam = state(conference, "FR", "fr"), state(conference, "VN", "vi")

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.request_bilateral(
            france,
            counterpart=viet_nam,
            preferred_day=DAY,
            level="ministerial",
            topics="  Mutual legal assistance ",
            requested_by="focal@mission.example.org",
        )

    meeting.refresh_from_db()
    assert (meeting.state, meeting.topics, meeting.requested_by) == (
        "requested",
        "Mutual legal assistance",
        "focal@mission.example.org",
    )
    (message,) = mail.outbox
    assert (message.to, message.subject) == (
        [viet_nam.focal_point_email],
        "Đề nghị gặp song phương: Pháp",
    )
    assert "ở cấp Bộ trưởng, ưu tiên vào ngày 25/10/2025" in message.body
    assert "/portal/bilaterals/" in message.body


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("itself", BilateralWithItself),
        ("day before the conference", BilateralDayInvalid),
        ("other conference", BilateralNotPossible),
        ("withdrawn", BilateralNotPossible),
        ("never accepted its invitation", BilateralNotPossible),
        ("the media", BilateralNotPossible),
        ("already asked", BilateralAlreadyRequested),
        ("already asked the other way", BilateralAlreadyRequested),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_saved(
    conference, django_capture_on_commit_callbacks, case, error
):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    services.request_bilateral(
        state(conference, "JP"), counterpart=viet_nam, preferred_day=DAY, level="experts"
    )
    requester, counterpart, day = france, viet_nam, DAY
    if case == "itself":
        counterpart = france
    elif case == "day before the conference":
        day = dt.date(2025, 10, 24)
    elif case == "other conference":
        counterpart = state(ConferenceFactory(), "DE")
    elif case == "withdrawn":
        viet_nam.status = "withdrawn"
        viet_nam.save()
    elif case == "never accepted its invitation":
        counterpart = DelegationFactory(conference=conference, country="DE")
    elif case == "the media":
        counterpart = DelegationFactory(
            conference=conference, kind="media", country="", name="Wire", accepted=True
        )
    else:
        services.request_bilateral(france, counterpart=viet_nam, preferred_day=DAY, level="experts")
        if case == "already asked the other way":
            requester, counterpart = viet_nam, france
    before = BilateralMeeting.objects.count()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(error):
        services.request_bilateral(
            requester, counterpart=counterpart, preferred_day=day, level="ministerial"
        )

    assert BilateralMeeting.objects.count() == before
    assert mail.outbox == []


def test_an_unknown_level_is_refused(conference):
    with pytest.raises(ValidationError) as refused:
        services.request_bilateral(
            state(conference, "FR"),
            counterpart=state(conference, "VN"),
            preferred_day=DAY,
            level="emperors",
        )

    assert list(refused.value.message_dict) == ["level"]
    assert BilateralMeeting.objects.count() == 0


def test_the_answer_tells_the_delegation_that_asked(conference, django_capture_on_commit_callbacks):
    france, viet_nam, japan = (
        state(conference, "FR", "fr"),
        state(conference, "VN"),
        state(conference, "JP"),
    )
    first = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    second = services.request_bilateral(
        france, counterpart=japan, preferred_day=DAY, level="experts"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_bilateral(first, delegation=viet_nam)
        services.decline_bilateral(second, delegation=japan)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("accepted", "declined")
    assert first.answered_at is not None
    yes, no = mail.outbox[-2:]
    assert (yes.to, yes.subject) == (
        [france.focal_point_email],
        "Entretien bilatéral accepté : Viet Nam",
    )
    assert "une salle et un horaire où les deux chefs de délégation sont libres" in yes.body
    assert no.subject == "Entretien bilatéral décliné : Japon"


def test_only_the_delegation_asked_answers_and_only_once(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    meeting = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )

    with pytest.raises(NotBilateralParty):
        services.accept_bilateral(meeting, delegation=france)
    services.decline_bilateral(meeting, delegation=viet_nam)
    with pytest.raises(BilateralStateInvalid):
        services.accept_bilateral(meeting, delegation=viet_nam)

    meeting.refresh_from_db()
    assert meeting.state == "declined"


def test_after_a_decline_either_side_may_ask_again(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    meeting = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    services.decline_bilateral(meeting, delegation=viet_nam)

    again = services.request_bilateral(
        viet_nam, counterpart=france, preferred_day=DAY, level="summit"
    )

    assert again.state == "requested"


def test_the_database_keeps_one_open_meeting_per_pair(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    services.request_bilateral(france, counterpart=viet_nam, preferred_day=DAY, level="summit")

    with pytest.raises(IntegrityError), transaction.atomic():
        BilateralMeeting.objects.create(
            conference=conference,
            requester=viet_nam,
            counterpart=france,
            preferred_day=DAY,
            level="summit",
        )
