import datetime as dt

import pytest

from delegations.models import ProgrammeChangeNotice
from sessions import services
from sessions.errors import NothingToRelease
from sessions.models import ScheduleRelease, SessionPerson
from tests.factories import HANOI, ConferenceFactory, DelegateFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def at(hour, minute=0):
    return dt.datetime(2025, 10, 25, hour, minute, tzinfo=HANOI)


@pytest.fixture
def released():
    conference = ConferenceFactory(slug="hanoi2025")
    r339, r313 = (RoomFactory(venue=conference.venue, name=n) for n in ("R339", "R313"))
    kept = services.publish_session(
        SessionFactory(conference=conference, room=r339, slug="kept", title="Kept")
    )
    moving = services.publish_session(
        SessionFactory(
            conference=conference,
            room=r339,
            slug="moving",
            title="Moving",
            starts_at=at(14, 30),
            ends_at=at(15, 30),
        )
    )
    dropped = services.publish_session(
        SessionFactory(
            conference=conference,
            room=r313,
            slug="dropped",
            title="Dropped",
            starts_at=at(11),
            ends_at=at(12),
        )
    )
    services.release_schedule(conference)
    return conference, kept, moving, dropped, r313


def test_releases_are_numbered_and_frozen(released):
    conference, kept, *_ = released
    services.reschedule_session(kept, starts_at=at(8), ends_at=at(9), room=kept.room)

    second = services.release_schedule(conference, notes="Opening moved")

    first = ScheduleRelease.objects.get(conference=conference, number=1)
    assert second.number == 2
    assert first.sessions[0]["starts_at"] == "2025-10-25T02:00:00+00:00"  # 09:00 in Hanoi
    assert second.sessions[0]["starts_at"] == "2025-10-25T01:00:00+00:00"


def test_releasing_an_unchanged_programme_is_refused(released):
    conference, *_ = released

    with pytest.raises(NothingToRelease):
        services.release_schedule(conference)

    assert ScheduleRelease.objects.filter(conference=conference).count() == 1


def test_changes_list_new_moved_and_cancelled(client, released):
    conference, _, moving, dropped, r313 = released
    services.reschedule_session(moving, starts_at=at(16), ends_at=at(17), room=r313)
    services.cancel_session(dropped)
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=r313,
            slug="added",
            title="Added",
            starts_at=at(13),
            ends_at=at(14),
        )
    )
    services.release_schedule(conference)

    response = client.get("/api/v1/conferences/hanoi2025/schedule/changes/")

    assert response.status_code == 200
    changes = response.json()
    assert (changes["from_release"], changes["to_release"]) == (1, 2)
    assert [c["title"] for c in changes["new"]] == ["Added"]
    assert [c["title"] for c in changes["cancelled"]] == ["Dropped"]
    (moved,) = changes["moved"]
    assert (moved["old_room"], moved["new_room"]) == ("R339", "R313")
    assert moved["old_starts_at"] == "2025-10-25T14:30:00+07:00"
    assert moved["new_starts_at"] == "2025-10-25T16:00:00+07:00"
    versions = client.get("/api/v1/conferences/hanoi2025/schedule/versions/").json()
    assert [(v["number"], v["changes"]) for v in versions] == [
        (2, {"new": 1, "moved": 1, "cancelled": 1}),
        (1, {"new": 3, "moved": 0, "cancelled": 0}),
    ]


def test_changes_between_chosen_releases_and_bad_numbers(client, released):
    response = client.get("/api/v1/conferences/hanoi2025/schedule/changes/?from=1&to=1")
    bad = client.get("/api/v1/conferences/hanoi2025/schedule/changes/?to=zero")
    missing = client.get("/api/v1/conferences/hanoi2025/schedule/changes/?to=9")

    assert response.json()["new"] == []
    assert bad.status_code == 400
    assert bad.json()["error"]["details"] == {"to": ["A valid integer is required."]}
    assert missing.status_code == 404


def test_a_release_notifies_only_the_delegates_of_the_changed_sessions(released):
    conference, kept, moving, _, _ = released
    affected = DelegateFactory(delegation__conference=conference)
    unaffected = DelegateFactory(delegation__conference=conference, delegation__country="DE")
    SessionPerson.objects.create(session=moving, role="speaker", delegate=affected)
    SessionPerson.objects.create(session=kept, role="speaker", delegate=unaffected)
    services.reschedule_session(moving, starts_at=at(16), ends_at=at(17), room=moving.room)

    services.release_schedule(conference)

    notices = list(ProgrammeChangeNotice.objects.values_list("delegate_id", "change"))
    assert [(d, c["change"], c["title"]) for d, c in notices] == [(affected.pk, "moved", "Moving")]


def test_the_first_release_notifies_nobody():
    conference = ConferenceFactory()
    session = services.publish_session(SessionFactory(conference=conference))
    SessionPerson.objects.create(session=session, role="speaker", delegate=DelegateFactory())

    services.release_schedule(conference)

    assert ProgrammeChangeNotice.objects.count() == 0
