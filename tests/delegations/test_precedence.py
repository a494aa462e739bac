import datetime as dt

import pytest

from delegations.precedence import BY_INSCRIPTION, order_delegates, order_delegations
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
)

pytestmark = pytest.mark.django_db


def state(conference, country, rank, kind="member_state"):
    delegation = DelegationFactory(conference=conference, country=country, kind=kind)
    DelegateFactory(delegation=delegation, role="head", protocol_rank=rank)
    return delegation


def names(delegations):
    return [d.display_name for d in delegations]


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        ("A", ["Viet Nam", "Brazil", "France", "Kenya", "Mexico"]),
        ("K", ["Viet Nam", "Kenya", "Mexico", "Brazil", "France"]),
        ("Z", ["Viet Nam", "Brazil", "France", "Kenya", "Mexico"]),
    ],
)
def test_within_a_level_states_follow_the_alphabet_from_the_letter_drawn(lot, expected):
    conference = ConferenceFactory(lot_letter=lot, host_country="VN")
    delegations = [state(conference, code, "minister") for code in ("MX", "FR", "VN", "KE", "BR")]

    assert names(order_delegations(delegations, conference=conference)) == expected


def test_the_level_of_representation_comes_before_the_alphabet():
    conference = ConferenceFactory(lot_letter="A", host_pride_of_place=False)
    delegations = [
        state(conference, "AR", "ambassador"),
        state(conference, "BR", "minister_for_foreign_affairs"),
        state(conference, "CL", "head_of_state"),
        state(conference, "DE", "vice_president"),
        state(conference, "EC", "head_of_government"),
        state(conference, "FI", "deputy_head_of_government"),
        state(conference, "GH", "minister"),
        state(conference, "HU", "crown_prince"),
    ]

    assert names(order_delegations(delegations, conference=conference)) == [
        "Chile",  # Head of State
        "Germany",  # Vice-President...
        "Hungary",  # ...and Crown Prince share a level: alphabetical
        "Ecuador",  # Head of Government
        "Finland",  # deputy Head of Government
        "Brazil",  # Minister for Foreign Affairs
        "Ghana",  # other Minister
        "Argentina",  # other heads of delegation
    ]


def test_member_states_come_before_observers_and_organisations():
    conference = ConferenceFactory(host_pride_of_place=False)
    organisation = OrganisationDelegationFactory(conference=conference, name="African Union")
    DelegateFactory(delegation=organisation, role="head", protocol_rank="head_of_state")
    observer = state(conference, "VA", "head_of_state", kind="observer_state")
    member = state(conference, "ZW", "ambassador")

    ordered = order_delegations([organisation, observer, member], conference=conference)

    assert names(ordered) == ["Zimbabwe", "Holy See", "African Union"]


def test_the_host_has_pride_of_place_when_the_conference_grants_it():
    conference = ConferenceFactory(host_country="VN")
    host = state(conference, "VN", "vice_minister")
    guest = state(conference, "AT", "head_of_state")

    assert names(order_delegations([guest, host], conference=conference)) == [
        "Viet Nam",
        "Austria",
    ]
    conference.host_pride_of_place = False
    assert names(order_delegations([guest, host], conference=conference)) == [
        "Austria",
        "Viet Nam",
    ]


def test_the_speakers_list_breaks_ties_by_time_of_inscription():
    conference = ConferenceFactory(host_pride_of_place=False)
    early, late, senior = (
        DelegateFactory(delegation=state(conference, code, "delegate"), protocol_rank=rank)
        for code, rank in (("ZA", "minister"), ("AL", "minister"), ("MT", "head_of_state"))
    )
    asked = {
        early.pk: dt.datetime(2025, 10, 1, 8, 30, tzinfo=dt.UTC),
        late.pk: dt.datetime(2025, 10, 1, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        senior.pk: dt.datetime(2025, 10, 20, tzinfo=dt.UTC),
    }

    ordered = order_delegates(
        [late, early, senior], conference=conference, tie_break=BY_INSCRIPTION, inscribed_at=asked
    )

    # 16:00 in Hanoi is 09:00 UTC: half an hour after "early", whatever the alphabet says.
    assert ordered == [senior, early, late]


def test_an_unknown_tie_break_is_refused():
    conference = ConferenceFactory()

    with pytest.raises(ValueError, match="unknown tie-break 'height'"):
        order_delegations([], conference=conference, tie_break="height")


def test_accents_and_case_are_set_aside_when_names_are_sorted():
    conference = ConferenceFactory(lot_letter="A", host_pride_of_place=False)
    organisations = [
        OrganisationDelegationFactory(conference=conference, name=name)
        for name in ("Zone franche", "École des douanes", "agence régionale", "Office")
    ]

    assert names(order_delegations(organisations, conference=conference)) == [
        "agence régionale",
        "École des douanes",
        "Office",
        "Zone franche",
    ]
