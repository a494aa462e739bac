"""Properties of the order of precedence (Hypothesis): a total order whatever the input order,
stable, the host first, the letter drawn by lot respected, and on the speakers' list the time a
delegation took its level respected within a level. Plain objects: no database."""

import datetime as dt
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from conference.models import Conference
from delegations.enums import DelegationKind, ProtocolRank
from delegations.models import Delegate, Delegation
from delegations.precedence import BY_LOT, _plain, order_by_precedence, order_delegates

COUNTRIES = [
    *("VN", "FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "AR", "AU", "AT", "BE"),
    *("CL", "CN", "CI", "EG", "GH", "IE", "LU", "PL", "PT", "SK", "SI", "ES", "SE", "GB"),
]
RANKS = list(ProtocolRank.values)


def conference(letter="A", host="VN"):
    return Conference(host_country=host, lot_letter=letter, languages=["en"])


@dataclass(eq=False)
class Entry:
    pk: int
    delegation: Delegation
    level: str


def _pairs(rows):
    """(entry, time of taking its level) for rows of (country, rank, minute)."""
    return [
        (
            Entry(
                pk=index,
                delegation=Delegation(kind=DelegationKind.MEMBER_STATE, country=country),
                level=rank,
            ),
            dt.datetime(2025, 10, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minute),
        )
        for index, (country, rank, minute) in enumerate(rows)
    ]


entries_strategy = st.lists(
    st.tuples(st.sampled_from(COUNTRIES), st.sampled_from(RANKS), st.integers(0, 10_000)),
    unique_by=lambda t: t[0],
    max_size=15,
).map(_pairs)


def speakers(pairs, host_conference):
    items = [entry for entry, _when in pairs]
    return order_by_precedence(
        items,
        conference=host_conference,
        delegation_of=lambda entry: entry.delegation,
        rank_of=lambda entry: entry.level,
        inscribed_at={entry.pk: when for entry, when in pairs},
    )


@settings(max_examples=60, deadline=None)
@given(pairs=entries_strategy, shuffle=st.randoms(use_true_random=False))
def test_the_speakers_order_is_total_and_stable(pairs, shuffle):
    host = conference()
    ordered = speakers(pairs, host)
    shuffled = list(pairs)
    shuffle.shuffle(shuffled)

    assert [e.pk for e in speakers(shuffled, host)] == [e.pk for e in ordered]
    assert sorted(e.pk for e in ordered) == sorted(e.pk for e, _when in pairs)
    again = [(e, when) for e in ordered for f, when in pairs if f is e]
    assert speakers(again, host) == ordered


@settings(max_examples=60, deadline=None)
@given(pairs=entries_strategy)
def test_the_host_speaks_first_and_levels_then_times_decide(pairs):
    host = conference()
    ordered = speakers(pairs, host)
    when = {entry.pk: moment for entry, moment in pairs}

    codes = [entry.delegation.country.code for entry in ordered]
    if "VN" in codes:
        assert codes[0] == "VN"
    others = [entry for entry in ordered if entry.delegation.country.code != "VN"]
    keys = [(ProtocolRank.precedence(e.level), when[e.pk]) for e in others]
    assert keys == sorted(keys)


@settings(max_examples=60, deadline=None)
@given(
    countries=st.lists(st.sampled_from(COUNTRIES), unique=True, max_size=15),
    rank=st.sampled_from(RANKS),
    letter=st.sampled_from("ABCDEGIKLMNPSUVZ"),
)
def test_within_a_level_states_follow_the_alphabet_from_the_letter_drawn(countries, rank, letter):
    heads = [
        Delegate(
            delegation=Delegation(kind=DelegationKind.MEMBER_STATE, country=country),
            role="head",
            protocol_rank=rank,
        )
        for country in countries
    ]
    # No pride of place: the host is one of the others here.
    drawn = conference(letter=letter)
    drawn.host_pride_of_place = False

    ordered = order_delegates(heads, conference=drawn, tie_break=BY_LOT)

    names = [_plain(head.delegation.display_name) for head in ordered]
    lot = letter.casefold()
    from_letter = [name for name in names if name[:1] >= lot]
    before_letter = [name for name in names if name[:1] < lot]
    assert names == sorted(from_letter) + sorted(before_letter)
