"""The gala dinner: the personal agenda and notices of change."""

import pytest
from icalendar import Calendar

from sessions import services
from sessions.selectors import (
    attendees_of,
    sessions_attended_by,
)
from tests.sessions.gala.support import delegation_of, head_of

pytestmark = pytest.mark.django_db


def test_the_dinner_is_in_the_agenda_of_the_guests_who_accepted(gala, client):
    services.publish_session(gala)
    conference = gala.conference
    accepted = head_of(delegation_of(conference, "GB"), "minister")
    declined = head_of(delegation_of(conference, "FR"), "minister")
    undecided = head_of(delegation_of(conference, "KE"), "minister")
    services.answer_gala_dinner(gala, delegate=accepted, attending=True)
    services.answer_gala_dinner(gala, delegate=declined, attending=False)
    token = services.issue_agenda_link(accepted)

    calendar = Calendar.from_ical(client.get(f"/api/v1/agenda/{token}.ics").content)

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Gala dinner"]
    assert list(sessions_attended_by(declined)) == []
    assert list(sessions_attended_by(undecided)) == []
    # Seated or not, the guest who accepted hears of a change to the dinner.
    assert attendees_of([gala.pk]) == {gala.pk: {accepted.pk}}
