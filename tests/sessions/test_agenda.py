import pytest
from icalendar import Calendar

from sessions import services
from sessions.models import AgendaLink, SessionPerson
from tests.factories import DelegateFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate_with_sessions():
    delegate = DelegateFactory()
    conference = delegate.delegation.conference
    mine = services.publish_session(
        SessionFactory(conference=conference, title="Roundtable 1", slug="mine")
    )
    SessionFactory(conference=conference, title="Someone else's", slug="other")
    draft = SessionFactory(
        conference=conference,
        title="Draft",
        slug="draft",
        room=RoomFactory(venue=conference.venue),
    )
    SessionPerson.objects.create(session=mine, role="speaker", delegate=delegate)
    SessionPerson.objects.create(session=draft, role="speaker", delegate=delegate)
    return delegate


def test_the_personal_agenda_lists_the_delegates_public_sessions(client, delegate_with_sessions):
    token = services.issue_agenda_link(delegate_with_sessions)

    response = client.get(f"/api/v1/agenda/{token}.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Roundtable 1"]
    assert AgendaLink.objects.get().token_hash != token


def test_a_new_link_revokes_the_old_one_and_revoking_ends_it(client, delegate_with_sessions):
    old = services.issue_agenda_link(delegate_with_sessions)
    new = services.issue_agenda_link(delegate_with_sessions)

    assert client.get(f"/api/v1/agenda/{old}.ics").status_code == 404
    assert client.get(f"/api/v1/agenda/{new}.ics").status_code == 200
    services.revoke_agenda_link(delegate_with_sessions)
    assert client.get(f"/api/v1/agenda/{new}.ics").status_code == 404
    assert client.get("/api/v1/agenda/forged.ics").status_code == 404


def test_the_personal_agenda_includes_confirmed_places(client):
    delegate = DelegateFactory()
    roundtable = services.publish_session(
        SessionFactory(conference=delegate.delegation.conference, title="Roundtable 3", capacity=5)
    )
    services.reserve_place(roundtable, delegate=delegate)
    token = services.issue_agenda_link(delegate)

    calendar = Calendar.from_ical(client.get(f"/api/v1/agenda/{token}.ics").content)

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Roundtable 3"]
