"""The conference's principals at the state banquet: the Secretary-General, the co-organisers'
heads and the host's dignitaries take the head table after the host, in their set order."""

import pytest

from delegations.enums import DelegationKind
from sessions import services
from tests.factories import DelegateFactory, OrganisationDelegationFactory
from tests.sessions.gala.support import attend, delegation_of, head_of, member_of, table

pytestmark = pytest.mark.django_db


def head_table(gala):
    return [
        (seat.seat_number, seat.delegate.family_name)
        for seat in gala.gala_seats.filter(table__is_top_table=True).order_by("seat_number")
    ]


def test_principals_sit_at_the_head_table_after_the_host_before_heads_of_state(gala):
    conference = gala.conference
    viet_nam, brazil, japan = (delegation_of(conference, code) for code in ("VN", "BR", "JP"))
    un = OrganisationDelegationFactory(
        conference=conference, kind=DelegationKind.UN_ENTITY, name="United Nations"
    )
    unodc = OrganisationDelegationFactory(
        conference=conference, kind=DelegationKind.UN_ENTITY, name="UNODC"
    )
    president = head_of(viet_nam, "head_of_state", family_name="Host")
    prime_minister = member_of(
        viet_nam, "head_of_government", family_name="PrimeMinister", principal_order=3
    )
    secretary_general = DelegateFactory(
        delegation=un,
        role="head",
        protocol_rank="head_of_organisation",
        family_name="SecretaryGeneral",
        principal_order=1,
    )
    executive_director = DelegateFactory(
        delegation=unodc,
        role="head",
        protocol_rank="head_of_organisation",
        family_name="ExecutiveDirector",
        principal_order=2,
    )
    brazilian = head_of(brazil, "head_of_state", family_name="Brazil")
    japanese = head_of(japan, "minister", family_name="Japan")
    attend(
        gala,
        president,
        prime_minister,
        secretary_general,
        executive_director,
        brazilian,
        japanese,
    )
    table(gala, 1, 5, is_top_table=True, name="Head table")
    table(gala, 2, 4)

    services.seat_gala_dinner(gala)

    # The host in the middle (3), the Secretary-General on the right (4), the Executive
    # Director on the left (2), then the Prime Minister (5) and the first Head of State (1).
    assert head_table(gala) == [
        (1, "Brazil"),
        (2, "ExecutiveDirector"),
        (3, "Host"),
        (4, "SecretaryGeneral"),
        (5, "PrimeMinister"),
    ]
    assert gala.gala_seats.get(delegate=japanese).table.number == 2
