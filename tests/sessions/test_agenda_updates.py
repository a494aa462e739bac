"""Personal agendas that calendars keep up to date: the public feed's UIDs and SEQUENCE, a
bilateral meeting with its own, cancellations that reach the calendar, and 304 while nothing
changed."""

import datetime as dt

import pytest
import time_machine
from django.utils.http import http_date
from icalendar import Calendar

from sessions import services
from sessions.models import SessionPerson
from tests.factories import HANOI, ConferenceFactory, DelegateFactory, SessionFactory
from tests.sessions.bilaterals.support import (
    DAY,
    accepted,
    bilateral_room,
    head,
    schedule,
    state,
)

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


def _events(content):
    return {
        str(event["UID"]): (int(event["SEQUENCE"]), str(event["STATUS"]), event["DTSTART"].dt)
        for event in Calendar.from_ical(content).walk("VEVENT")
    }


@pytest.fixture
def speaker():
    delegate = DelegateFactory(delegation__conference__slug="hanoi2025")
    conference = delegate.delegation.conference
    session = services.publish_session(
        SessionFactory(conference=conference, slug="rt1", starts_at=at(25, 14), ends_at=at(25, 15))
    )
    SessionPerson.objects.create(session=session, role="speaker", delegate=delegate)
    services.release_schedule(conference)
    return delegate, session, services.issue_agenda_link(delegate)


@pytest.fixture
def bilateral_conference():
    """A one-day conference, as the bilateral scheduler's tests have it."""
    return ConferenceFactory(host_country="VN", end_date=DAY)


def _agenda(client, token, **headers):
    return client.get(f"/api/v1/agenda/{token}.ics", **headers)


def _public(client):
    return _events(client.get("/api/v1/conferences/hanoi2025/schedule.ics").content)


def test_the_agenda_has_the_public_feeds_uid_and_sequence_after_a_move(client, speaker):
    delegate, session, token = speaker
    services.reschedule_session(
        session, starts_at=at(25, 16), ends_at=at(25, 17), room=session.room
    )
    services.release_schedule(delegate.delegation.conference)

    public = _public(client)
    personal = _events(_agenda(client, token).content)

    assert personal == public
    assert list(personal.values()) == [(1, "CONFIRMED", at(25, 16))]


def test_a_move_not_yet_released_is_one_sequence_ahead_of_the_release(client, speaker):
    _delegate, session, token = speaker
    services.reschedule_session(
        session, starts_at=at(25, 16), ends_at=at(25, 17), room=session.room
    )

    (public,) = _public(client).values()
    (personal,) = _events(_agenda(client, token).content).values()

    assert (public[0], personal[0]) == (0, 1)


def test_a_cancellation_reaches_the_subscribed_calendar(client, speaker):
    delegate, session, token = speaker
    before = _agenda(client, token)
    services.cancel_session(session)
    services.release_schedule(delegate.delegation.conference)

    after = _agenda(client, token, HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    (uid,) = _events(before.content)
    assert _events(after.content) == {uid: (1, "CANCELLED", at(25, 14))}
    assert _public(client) == _events(after.content)


def test_the_agenda_answers_304_while_nothing_changed(client, speaker):
    _delegate, _session, token = speaker
    first = _agenda(client, token)

    by_tag = _agenda(client, token, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = _agenda(client, token, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (by_tag.status_code, by_date.status_code) == (304, 304)
    assert by_tag["ETag"] == first["ETag"]
    assert by_tag.content == b""


def test_a_change_after_the_date_a_calendar_saw_is_a_full_answer(client, speaker):
    _delegate, session, token = speaker
    first = _agenda(client, token)
    with time_machine.travel(dt.datetime(2026, 12, 5, tzinfo=dt.UTC)):
        services.reschedule_session(
            session, starts_at=at(25, 16), ends_at=at(25, 17), room=session.room
        )

    again = _agenda(client, token, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert again["Last-Modified"] == http_date(dt.datetime(2026, 12, 5, tzinfo=dt.UTC).timestamp())


def test_a_bilateral_meeting_keeps_its_own_uid_and_sequence_until_cancelled(
    client, bilateral_conference
):
    france, japan = state(bilateral_conference, "FR"), state(bilateral_conference, "JP")
    bilateral_room(bilateral_conference)
    meeting = accepted(france, japan)
    schedule(bilateral_conference)
    meeting.refresh_from_db()
    token = services.issue_agenda_link(head(france))
    uid = f"bilateral-{meeting.pk}@{bilateral_conference.slug}"

    scheduled = _events(_agenda(client, token).content)
    services.cancel_bilateral(meeting, delegation=france)
    cancelled = _events(_agenda(client, token).content)

    assert scheduled == {uid: (1, "CONFIRMED", meeting.starts_at)}
    assert cancelled == {uid: (2, "CANCELLED", meeting.starts_at)}


def test_scheduling_a_meeting_moves_the_agendas_last_modified(client, bilateral_conference):
    """A calendar that polls with If-Modified-Since only (no ETag) must get the meeting once it
    has a time, even when it was accepted long before the scheduler ran."""
    france, japan = state(bilateral_conference, "FR"), state(bilateral_conference, "JP")
    bilateral_room(bilateral_conference)
    with time_machine.travel(dt.datetime(2026, 12, 1, tzinfo=dt.UTC)):
        meeting = accepted(france, japan)
        token = services.issue_agenda_link(head(france))
    with time_machine.travel(dt.datetime(2026, 12, 2, tzinfo=dt.UTC)):
        seen = _agenda(client, token)
    scheduled_at = dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)
    with time_machine.travel(scheduled_at):
        schedule(bilateral_conference)
    meeting.refresh_from_db()

    again = _agenda(client, token, HTTP_IF_MODIFIED_SINCE=seen["Last-Modified"])

    assert again.status_code == 200
    assert again["Last-Modified"] == http_date(
        dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC).timestamp()
    )
    assert f"bilateral-{meeting.pk}@{bilateral_conference.slug}" in _events(again.content)
