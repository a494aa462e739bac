"""The gala dinner: seating."""

import pytest

from sessions import services
from sessions.errors import GalaSeatTaken, NoSuchGalaSeat, NotEnoughGalaSeats
from sessions.models import GalaSeat, GalaTable
from tests.factories import (
    SessionFactory,
)
from tests.sessions.gala.support import attend, delegation_of, head_of, member_of, plan_of, table

pytestmark = pytest.mark.django_db


def test_the_top_table_seats_the_host_in_the_middle_then_heads_by_precedence_outward(gala):
    conference = gala.conference
    delegations = {
        code: delegation_of(conference, code) for code in ("VN", "BR", "DE", "JP", "KE", "AT")
    }
    heads = {
        "VN": head_of(delegations["VN"], "deputy_head_of_government"),
        "BR": head_of(delegations["BR"], "head_of_state"),
        "DE": head_of(delegations["DE"], "head_of_government"),
        "JP": head_of(delegations["JP"], "minister"),
        # Two ambassadors: the alphabetical order from the letter drawn by lot ("A") decides.
        "KE": head_of(delegations["KE"], "ambassador"),
        "AT": head_of(delegations["AT"], "ambassador"),
    }
    brazilian_minister = member_of(delegations["BR"], "minister")
    attend(gala, *heads.values(), brazilian_minister)
    table(gala, 1, 5, is_top_table=True, name="Head table")
    table(gala, 2, 4)

    services.seat_gala_dinner(gala)

    # Seats run from the host's far left (1) to far right (5): the host in the middle, the
    # principal guest on the right, the next on the left, then outward.
    assert plan_of(gala) == [
        (1, 1, "AT", "head"),
        (1, 2, "DE", "head"),
        (1, 3, "VN", "head"),
        (1, 4, "BR", "head"),
        (1, 5, "JP", "head"),
        # The heads left over come before the members.
        (2, 1, "KE", "head"),
        (2, 2, "BR", "member"),
    ]


def test_top_table_seat_order_goes_outward_from_the_middle():
    assert services.gala.top_table_seat_order(5) == [3, 4, 2, 5, 1]
    assert services.gala.top_table_seat_order(4) == [2, 3, 1, 4]
    assert services.gala.top_table_seat_order(1) == [1]


def test_a_delegation_is_spread_over_the_tables_heads_before_members(gala):
    conference = gala.conference
    brazil, france, kenya = (delegation_of(conference, c) for c in ("BR", "FR", "KE"))
    brazilians = [head_of(brazil, "head_of_state"), member_of(brazil), member_of(brazil)]
    # The French head outranks nobody in the delegation, and is still seated before it.
    french = [member_of(france, "minister"), head_of(france, "ambassador"), member_of(france)]
    kenyan = head_of(kenya, "ambassador")
    attend(gala, *french, kenyan, *brazilians)
    for number in (1, 2, 3):
        table(gala, number, 4)

    services.seat_gala_dinner(gala)

    # Heads by precedence, one to a table; then the members by precedence (the French minister
    # first), each at a table without their own delegation, the emptiest and lowest first.
    assert plan_of(gala) == [
        (1, 1, "BR", "head"),
        (1, 2, "FR", "member"),
        (2, 1, "FR", "head"),
        (2, 2, "BR", "member"),
        (3, 1, "KE", "head"),
        (3, 2, "BR", "member"),
        (3, 3, "FR", "member"),
    ]
    brazilian_tables = GalaSeat.objects.filter(delegate__delegation=brazil).values_list(
        "table__number", flat=True
    )
    assert sorted(brazilian_tables) == [1, 2, 3]
    assert GalaSeat.objects.get(table__number=1, seat_number=2).delegate.protocol_rank == (
        "minister"
    )


def test_two_of_a_delegation_share_a_table_only_when_every_table_has_one(gala):
    conference = gala.conference
    brazil = delegation_of(conference, "BR")
    brazilians = [head_of(brazil, "minister"), member_of(brazil), member_of(brazil)]
    attend(gala, *brazilians, head_of(delegation_of(conference, "KE"), "ambassador"))
    table(gala, 1, 3)
    table(gala, 2, 3)

    services.seat_gala_dinner(gala)

    # The last Brazilian finds a Brazilian at both tables and takes the emptier one.
    assert plan_of(gala) == [
        (1, 1, "BR", "head"),
        (1, 2, "BR", "member"),
        (2, 1, "KE", "head"),
        (2, 2, "BR", "member"),
    ]


def test_the_top_tables_spare_seats_come_after_other_tables_but_before_a_second_colleague(gala):
    conference = gala.conference
    host = head_of(delegation_of(conference, "VN"), "head_of_state")
    kenya = delegation_of(conference, "KE")
    kenyans = [member_of(kenya, "minister"), member_of(kenya), member_of(kenya)]
    attend(gala, host, member_of(host.delegation), *kenyans)
    table(gala, 1, 3, is_top_table=True)
    table(gala, 2, 3)

    services.seat_gala_dinner(gala)

    # The host's colleague and the Kenyan minister go to table 2 rather than the top table; the
    # next Kenyan takes a spare top seat rather than join a colleague; the last cannot avoid it.
    assert plan_of(gala) == [
        (1, 2, "VN", "head"),
        (1, 3, "KE", "member"),
        (2, 1, "VN", "member"),
        (2, 2, "KE", "member"),
        (2, 3, "KE", "member"),
    ]
    assert GalaSeat.objects.get(table__number=2, seat_number=2).delegate == kenyans[0]


def test_too_few_seats_is_refused_and_the_plan_left_as_it_was(gala):
    conference = gala.conference
    guests = [head_of(delegation_of(conference, c), "minister") for c in ("BR", "FR", "KE")]
    attend(gala, *guests)
    table(gala, 1, 3)
    services.seat_gala_dinner(gala)
    before = plan_of(gala)
    attend(gala, head_of(delegation_of(conference, "JP"), "minister"))

    with pytest.raises(NotEnoughGalaSeats) as refused:
        services.seat_gala_dinner(gala)

    assert refused.value.message == (
        "4 guests attend but the tables have 3 seats: add tables or seats first."
    )
    assert plan_of(gala) == before


def test_seating_again_replaces_the_whole_plan(gala):
    conference = gala.conference
    guests = [head_of(delegation_of(conference, c), "minister") for c in ("BR", "FR")]
    attend(gala, *guests)
    first, second = table(gala, 1, 2), table(gala, 2, 2)
    seats = services.seat_gala_dinner(gala)
    services.move_guest(seats[0], table=second, seat_number=2)

    services.seat_gala_dinner(gala)

    assert plan_of(gala) == [(1, 1, "BR", "head"), (2, 1, "FR", "head")]
    assert GalaSeat.objects.filter(session=gala).count() == 2
    assert (first.guests.count(), second.guests.count()) == (1, 1)


def test_move_guest_onto_a_taken_seat_is_refused(gala):
    conference = gala.conference
    brazilian = head_of(delegation_of(conference, "BR"), "head_of_state", title="H.E. Mr")
    french = head_of(delegation_of(conference, "FR"), "minister")
    attend(gala, brazilian, french)
    first = table(gala, 1, 2)
    table(gala, 2, 3)
    services.seat_gala_dinner(gala)
    french_seat = GalaSeat.objects.get(delegate=french)

    with pytest.raises(GalaSeatTaken) as refused:
        services.move_guest(french_seat, table=first, seat_number=1)

    assert refused.value.message == f"Seat 1 at Table 1 is taken by {brazilian.full_name}."
    assert plan_of(gala) == [(1, 1, "BR", "head"), (2, 1, "FR", "head")]


def test_move_guest_to_a_free_seat_and_not_beyond_the_table_or_the_dinner(gala):
    french = head_of(delegation_of(gala.conference, "FR"), "minister")
    attend(gala, french)
    table(gala, 1, 2)
    second = table(gala, 2, 3)
    other_dinners_table = GalaTable.objects.create(
        session=SessionFactory(conference=gala.conference, kind="gala_dinner"), number=1, seats=9
    )
    (seat,) = services.seat_gala_dinner(gala)

    for where, number in ((second, 4), (second, 0), (other_dinners_table, 1)):
        with pytest.raises(NoSuchGalaSeat):
            services.move_guest(seat, table=where, seat_number=number)
    services.move_guest(seat, table=second, seat_number=3)

    assert plan_of(gala) == [(2, 3, "FR", "head")]
