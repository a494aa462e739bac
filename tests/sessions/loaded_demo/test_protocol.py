"""The demo's protocol: the Convention's signatures with their sources, the signing order and its
ceremony, the state banquet and the booked roundtables."""

import datetime as dt

import pytest
from django.db.models import Q

from delegations.enums import DelegateRole
from sessions.models import (
    FullPowersState,
    GalaAnswer,
    Place,
    Session,
    Signatory,
)
from sessions.models.signing import SIGNS_WITHOUT_FULL_POWERS
from sessions.selectors import seating_plan

pytestmark = pytest.mark.django_db


def test_load_demo_records_the_signatures_found_with_their_sources(hanoi):
    """The Treaty Collection's 72 of Hanoi, each with its source, and one later signature at
    Headquarters; 2 whose day the sources do not give are stored on the opening's first day and
    marked, and the register says it all."""
    signatures = hanoi.convention.signatures.all()
    in_hanoi = signatures.filter(place=hanoi.convention.opening_place)

    assert hanoi.convention.short_title.startswith("United Nations Convention against Cybercrime")
    assert in_hanoi.count() == 72
    assert list(
        signatures.exclude(place=hanoi.convention.opening_place).values_list(
            "country", "signed_on", "place"
        )
    ) == [("MU", dt.date(2025, 11, 19), hanoi.convention.headquarters_place)]
    assert signatures.filter(organisation="European Union").count() == 1
    # Art. 64(2): the Union signs as one of its member States has, the same day.
    members = hanoi.convention.regional_organisation_members["European Union"]
    assert len(members) == 27
    assert signatures.filter(country__in=members).count() == 13
    next_day = in_hanoi.filter(signed_on=dt.date(2025, 10, 26))
    assert set(next_day.values_list("country", flat=True)) == {"ML", "RW", "SA"}
    assert signatures.filter(country="VN", day_is_verified=True).exists()
    assert not signatures.filter(source="").exists()
    undated = set(signatures.filter(day_is_verified=False).values_list("country", flat=True))
    assert undated == {"UG", "ZW"}
    assert hanoi.convention.register_is_partial
    assert "all 72" in hanoi.convention.register_note


def test_load_demo_orders_the_signing_of_the_states_whose_signatures_are_recorded(hanoi):
    signed = set(
        hanoi.convention.signatures.filter(place=hanoi.convention.opening_place)
        .exclude(country="")
        .values_list("country", flat=True)
    )
    signed.add("EU")
    slotted = list(
        Signatory.objects.filter(conference=hanoi, slot__isnull=False)
        .select_related("delegation")
        .order_by("slot")
    )

    assert [s.slot for s in slotted] == list(range(1, 73))
    assert {s.delegation.country.code or s.delegation.acronym for s in slotted} == signed
    # Viet Nam first, its Minister of Public Security signing.
    assert (slotted[0].delegation.country.code, slotted[0].delegate.function) == (
        "VN",
        "Minister of Public Security of Viet Nam",
    )
    # Nobody invented holds an office that signs without full powers.
    assert {s.full_powers_state for s in slotted} == {FullPowersState.APPROVED}
    assert all(s.original_received_at for s in slotted)
    assert all(
        (s.full_powers_state == FullPowersState.NOT_REQUIRED)
        == (s.delegate.protocol_rank in SIGNS_WITHOUT_FULL_POWERS)
        for s in slotted
    )
    # Three States that did not sign on 25 October wait on their full powers, without a slot.
    waiting = Signatory.objects.filter(conference=hanoi, slot__isnull=True)
    assert sorted(waiting.values_list("full_powers_state", flat=True)) == [
        FullPowersState.MISSING,
        FullPowersState.PENDING,
        FullPowersState.REJECTED,
    ]
    signed_anywhere = set(hanoi.convention.signatures.values_list("country", flat=True))
    assert not signed_anywhere & {s.delegation.country.code for s in waiting}
    # The ceremony of 25 October: the slotted signatories of that day signed, by slot from its
    # 10:15 start, two minutes apart or less so that all fit before 12:30; those of 26 October
    # and those whose day the sources do not give keep their slot but get no minute; the
    # Convention still holds each signature once.
    not_at_ceremony = set(
        hanoi.convention.signatures.filter(
            Q(day_is_verified=False) | Q(signed_on=dt.date(2025, 10, 26))
        ).values_list("country", flat=True)
    )
    unsigned = {s.delegation.country.code for s in slotted if s.signed_at is None}
    assert unsigned == not_at_ceremony == {"ML", "RW", "SA", "UG", "ZW"}
    times = {
        s.slot: s.signed_at.astimezone(hanoi.tzinfo) for s in slotted if s.signed_at is not None
    }
    assert len(times) == 72 - 5
    assert times[1] == dt.datetime(2025, 10, 25, 10, 15, tzinfo=hanoi.tzinfo)
    step = times[2] - times[1]
    assert dt.timedelta(minutes=1, seconds=30) < step <= dt.timedelta(minutes=2)
    assert all(times[slot] == times[1] + step * (slot - 1) for slot in times)
    assert max(times.values()) < dt.datetime(2025, 10, 25, 12, 30, tzinfo=hanoi.tzinfo)
    assert hanoi.convention.signatures.count() == 73


def test_load_demo_seats_the_state_banquet_with_the_host_in_the_middle(hanoi):
    banquet = Session.objects.get(conference=hanoi, slug="state-banquet")
    answers = GalaAnswer.objects.filter(session=banquet)
    tables = seating_plan(banquet)
    top = tables[0]

    assert answers.filter(attending=False).exists()
    assert all(a.delegate.role == DelegateRole.HEAD or a.delegate.principal_order for a in answers)
    seated = [seat.delegate_id for table in tables for seat in table.seated]
    assert sorted(seated) == sorted(
        answers.filter(attending=True).values_list("delegate_id", flat=True)
    )
    assert all(len(table.seated) <= table.seats for table in tables)
    assert top.is_top_table
    middle = next(seat for seat in top.seated if seat.seat_number == (top.seats + 1) // 2)
    assert middle.delegate.delegation.country == "VN"
    # The Secretary-General on the host's right, the Executive Director of UNODC on the left.
    beside = {seat.seat_number: seat.delegate.family_name for seat in top.seated}
    assert (beside[middle.seat_number + 1], beside[middle.seat_number - 1]) == ("GUTERRES", "WALY")


def test_load_demo_books_the_roundtables_one_of_them_with_a_wait_list(hanoi):
    places = Place.objects.filter(session__conference=hanoi)
    booked = {
        session.slug: (
            places.filter(session=session, state="confirmed").count(),
            sorted(
                places.filter(session=session, state="waitlisted").values_list(
                    "waitlist_number", flat=True
                )
            ),
        )
        for session in Session.objects.filter(conference=hanoi, kind="roundtable").published()
    }

    assert booked == {
        "roundtable-1": (40, [1, 2, 3, 4]),
        "roundtable-2": (30, []),
        "roundtable-3": (36, []),
    }
