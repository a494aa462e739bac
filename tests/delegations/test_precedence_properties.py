"""Properties of the order of precedence (delegations/precedence.py), over generated conferences:
a total order, stable, the host first, the letter drawn by lot respected. No database: the order
is computed on unsaved objects, as the function takes them."""

import string
import unicodedata

from django_countries import countries
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.models import Conference
from delegations.enums import DelegationKind, ProtocolRank
from delegations.models import Delegate, Delegation
from delegations.precedence import order_delegates

CODES = [code for code, _name in countries]
RANKS = [rank for rank, _label in ProtocolRank.choices]


def folded(name):
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@st.composite
def conferences_and_delegates(draw):
    codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=12, unique=True))
    host = draw(st.sampled_from([*codes, "VN"]))
    conference = Conference(
        languages=["en"],
        host_country=host,
        lot_letter=draw(st.sampled_from(string.ascii_uppercase)),
        host_pride_of_place=draw(st.booleans()),
    )
    delegates = []
    for code in codes:
        delegation = Delegation(
            conference=conference,
            country=code,
            kind=draw(
                st.sampled_from([DelegationKind.MEMBER_STATE, DelegationKind.OBSERVER_STATE])
            ),
        )
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            rank = draw(st.sampled_from(RANKS))
            delegates.append(Delegate(delegation=delegation, protocol_rank=rank))
    return conference, delegates


def _key_without_tie(conference, delegate):
    host = conference.host_pride_of_place and delegate.delegation.country.code == str(
        conference.host_country
    )
    kind = 0 if delegate.delegation.kind == DelegationKind.MEMBER_STATE else 1
    return (0 if host else 1, kind, ProtocolRank.precedence(delegate.protocol_rank))


def _told_apart_by(delegate):
    return delegate.delegation.country.code, ProtocolRank.precedence(delegate.protocol_rank)


@settings(max_examples=60, deadline=None)
@given(conferences_and_delegates(), st.randoms(use_true_random=False))
def test_the_order_is_total_whatever_order_the_delegates_come_in(case, random):
    conference, delegates = case
    shuffled = list(delegates)
    random.shuffle(shuffled)

    ordered = order_delegates(delegates, conference=conference)
    reordered = order_delegates(shuffled, conference=conference)

    assert sorted(map(id, ordered)) == sorted(map(id, delegates))  # a permutation
    # Delegates that the order tells apart come out in the same places; those it cannot (same
    # delegation, same level: a Vice-President and a Crown Prince share one) are interchangeable.
    assert [_told_apart_by(d) for d in ordered] == [_told_apart_by(d) for d in reordered]
    assert order_delegates(ordered, conference=conference) == ordered


@settings(max_examples=60, deadline=None)
@given(conferences_and_delegates())
def test_the_order_is_stable_for_delegates_it_cannot_tell_apart(case):
    conference, delegates = case

    ordered = order_delegates(delegates, conference=conference)

    for first in delegates:
        for second in delegates:
            same = _told_apart_by(first) == _told_apart_by(second)
            if same and delegates.index(first) < delegates.index(second):
                assert ordered.index(first) < ordered.index(second)


@settings(max_examples=60, deadline=None)
@given(conferences_and_delegates())
def test_the_host_comes_first_when_the_conference_grants_it(case):
    conference, delegates = case
    host = str(conference.host_country)

    ordered = order_delegates(delegates, conference=conference)

    is_host = [d.delegation.country.code == host for d in ordered]
    if conference.host_pride_of_place:
        assert is_host == sorted(is_host, reverse=True)  # every host delegate before any other
    keys = [_key_without_tie(conference, d) for d in ordered]
    assert keys == sorted(keys)  # then category, then level of representation


@settings(max_examples=60, deadline=None)
@given(conferences_and_delegates())
def test_within_a_level_names_run_from_the_letter_drawn_and_wrap_round(case):
    conference, delegates = case
    lot = conference.lot_letter.casefold()

    ordered = order_delegates(delegates, conference=conference)

    groups = {}
    for delegate in ordered:
        groups.setdefault(_key_without_tie(conference, delegate), []).append(
            folded(delegate.delegation.display_name)
        )
    for names in groups.values():
        from_lot = [name for name in names if name[:1] >= lot]
        before_lot = [name for name in names if name[:1] < lot]
        assert names == sorted(from_lot) + sorted(before_lot)
