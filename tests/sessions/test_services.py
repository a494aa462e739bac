import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection

from sessions import services
from sessions.enums import SessionState
from sessions.errors import RoomDoubleBooked, RoomNotAtVenue, SessionTimesInvalid
from sessions.models import Session
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def at(hour, minute=0, day=25):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def conference():
    return ConferenceFactory()


@pytest.fixture
def room(conference):
    return RoomFactory(venue=conference.venue, name="R339")


def _draft(conference, room, start, end, slug):
    return services.create_session(
        conference,
        slug=slug,
        kind="roundtable",
        title=slug,
        room=room,
        starts_at=start,
        ends_at=end,
    )


def test_create_session_starts_as_a_draft(conference, room):
    session = _draft(conference, room, at(9), at(10), "opening")

    assert session.state == SessionState.DRAFT


def test_create_session_refuses_an_end_before_its_start(conference, room):
    with pytest.raises(SessionTimesInvalid):
        _draft(conference, room, at(10), at(9), "backwards")

    assert Session.objects.count() == 0


def test_session_end_before_start_is_refused_by_the_database_too(conference, room):
    session = _draft(conference, room, at(9), at(10), "opening")

    with pytest.raises(IntegrityError):
        Session.objects.filter(pk=session.pk).update(ends_at=at(8))


def test_create_session_refuses_a_room_of_another_venue(conference):
    with pytest.raises(RoomNotAtVenue):
        _draft(conference, RoomFactory(), at(9), at(10), "elsewhere")


def test_publish_session_refuses_an_overlap_in_the_same_room(conference, room):
    services.publish_session(_draft(conference, room, at(9), at(10), "first"))
    second = _draft(conference, room, at(9, 30), at(10, 30), "second")

    with pytest.raises(RoomDoubleBooked) as excinfo:
        services.publish_session(second)

    assert excinfo.value.context == {"clash": "first"}
    second.refresh_from_db()
    assert second.state == SessionState.DRAFT


def test_publish_session_allows_back_to_back_sessions(conference, room):
    services.publish_session(_draft(conference, room, at(9), at(10), "first"))
    services.publish_session(_draft(conference, room, at(10), at(11), "second"))

    assert Session.objects.published().count() == 2


def test_drafts_may_overlap_while_the_programme_is_built(conference, room):
    _draft(conference, room, at(9), at(10), "first")
    _draft(conference, room, at(9), at(10), "second")

    assert Session.objects.filter(state=SessionState.DRAFT).count() == 2


def test_a_cancelled_session_frees_its_room(conference, room):
    first = services.publish_session(_draft(conference, room, at(9), at(10), "first"))
    services.cancel_session(first)

    services.publish_session(_draft(conference, room, at(9), at(10), "second"))

    assert list(Session.objects.values_list("slug", "state").order_by("slug")) == [
        ("first", "cancelled"),
        ("second", "published"),
    ]


def test_reschedule_session_refuses_to_move_a_published_session_onto_another(conference, room):
    services.publish_session(_draft(conference, room, at(9), at(10), "first"))
    second = services.publish_session(_draft(conference, room, at(11), at(12), "second"))

    with pytest.raises(RoomDoubleBooked):
        services.reschedule_session(second, starts_at=at(9, 30), ends_at=at(10, 30), room=room)

    second.refresh_from_db()
    assert (second.starts_at, second.ends_at) == (at(11), at(12))


@pytest.mark.postgres
def test_room_overlap_is_refused_by_postgresql_below_the_services(conference, room):
    services.publish_session(_draft(conference, room, at(9), at(10), "first"))
    second = services.publish_session(_draft(conference, room, at(11), at(12), "second"))

    with pytest.raises(IntegrityError, match="session_no_room_overlap"):
        Session.objects.filter(pk=second.pk).update(starts_at=at(9, 30))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_publications_into_one_slot_publish_exactly_one():
    conference = ConferenceFactory()
    room = RoomFactory(venue=conference.venue)
    drafts = [SessionFactory(conference=conference, room=room, slug=f"rival-{n}") for n in range(6)]
    barrier = threading.Barrier(len(drafts))
    outcomes = []

    def publish(session):
        try:
            barrier.wait()
            services.publish_session(session)
            outcomes.append("published")
        except RoomDoubleBooked:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["published"] + ["refused"] * 5
    assert Session.objects.published().count() == 1
