"""The programme's chairs, moderators and speakers who are delegates: one person, not two. The
principals are typed into the programme by name before their delegations exist; linked to their
delegate records, their sessions reach their personal agendas, and a delegate picked in the
console drops the name typed beside it."""

import pytest

from sessions import services
from sessions.errors import DelegateOfAnotherConference
from sessions.models import SessionPerson
from sessions.selectors import attendees_of, sessions_attended_by
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    return SessionFactory(state="published")


def _delegate(conference, given, family, **fields):
    delegation = DelegationFactory(conference=conference, **fields)
    return DelegateFactory(delegation=delegation, given_names=given, family_name=family)


def test_named_principals_are_linked_to_their_delegates_in_either_name_order(session):
    conference = session.conference
    president = _delegate(conference, "Cuong", "LUONG", country="VN")
    guterres = DelegateFactory(
        delegation=OrganisationDelegationFactory(conference=conference),
        given_names="António",
        family_name="GUTERRES",
    )
    host = services.add_session_person(session, role="chair", name="Luong Cuong", function="Host")
    speaker = services.add_session_person(session, role="speaker", name="  antónio   Guterres ")
    office = services.add_session_person(
        session, role="chair", name="Office of Legal Affairs", is_organisation=True
    )
    guest = services.add_session_person(session, role="speaker", name="Somebody Else")

    assert services.link_session_people(conference) == 2

    host.refresh_from_db()
    speaker.refresh_from_db()
    assert (host.delegate, host.name, host.public_function) == (president, "", "Host")
    assert host.public_name == president.full_name
    assert speaker.delegate == guterres
    assert SessionPerson.objects.get(pk=office.pk).delegate is None
    assert SessionPerson.objects.get(pk=guest.pk).delegate is None
    # The session is now in each principal's agenda, and they hear of its changes.
    assert list(sessions_attended_by(president)) == [session]
    assert attendees_of([session.pk])[session.pk] == {president.pk, guterres.pk}
    # A second run links nothing more.
    assert services.link_session_people(conference) == 0


def test_a_name_that_fits_two_delegates_stays_a_named_guest(session):
    conference = session.conference
    _delegate(conference, "Minh", "PHAM", country="VN")
    _delegate(conference, "Minh", "PHAM", country="LA")
    person = services.add_session_person(session, role="speaker", name="Pham Minh")

    assert services.link_session_people(conference) == 0
    person.refresh_from_db()
    assert (person.delegate, person.name) == (None, "Pham Minh")


def test_a_picked_delegate_is_the_person_and_must_be_of_the_conference(session):
    ours = _delegate(session.conference, "Ghada", "WALY", country="EG")
    theirs = _delegate(ConferenceFactory(slug="rehearsal9"), "Ghada", "WALY", country="EG")

    with pytest.raises(DelegateOfAnotherConference):
        services.add_session_person(session, role="chair", delegate=theirs)
    assert not SessionPerson.objects.exists()

    person = services.add_session_person(session, role="chair", delegate=ours, name="Ghada Waly")
    assert (person.name, person.public_name) == ("", ours.full_name)
    with pytest.raises(DelegateOfAnotherConference):
        services.change_session_person(person, delegate=theirs)
    person.refresh_from_db()
    assert person.delegate == ours
