"""The order of precedence: the one function every protocol list uses.

Delegations and delegates are ordered by:
1. the host first, when the conference grants it pride of place; among delegates, the host's
   head first, then the conference's principals (the Secretary-General, the co-organisers'
   heads, the host's dignitaries) in their set order, then the host's other delegates;
2. category: Member States, then observer States, then organisations;
3. level of representation (ProtocolRank: Heads of State; Vice-Presidents and Crown Princes;
   Heads of Government; deputy Heads of Government; Ministers for Foreign Affairs; other
   Ministers; other heads of delegation...); a delegation's level is its head's, except on the
   speakers' list, where it is the level of the person who takes the floor;
4. a tie-break chosen for the use: the time of inscription (the speakers' list), or the
   alphabetical order of State names in the conference's working language, starting from the
   letter drawn by lot (seating, the signing order); organisations by name.
"""

import unicodedata
from itertools import groupby

from django.utils import translation

from delegations.enums import DelegateRole, DelegationKind, ProtocolRank

BY_INSCRIPTION = "inscription"
BY_LOT = "lot"

_CATEGORY = {
    DelegationKind.MEMBER_STATE: 0,
    DelegationKind.OBSERVER_STATE: 1,
    DelegationKind.REIO: 2,
}


def order_delegations(delegations, *, conference, tie_break=BY_LOT, inscribed_at=None):
    """`delegations` in the order of precedence. With `tie_break=BY_INSCRIPTION`, give
    `inscribed_at`: a mapping from delegation id to the time it asked."""
    return _ordered(
        delegations,
        conference=conference,
        tie_break=tie_break,
        inscribed_at=inscribed_at or {},
        delegation_of=lambda delegation: delegation,
        rank_of=_head_rank,
    )


def order_delegates(delegates, *, conference, tie_break=BY_LOT, inscribed_at=None):
    """`delegates` in the order of precedence (by each delegate's own rank, the principals
    after the host's head); `inscribed_at` maps delegate ids to times for `BY_INSCRIPTION`."""
    return _ordered(
        delegates,
        conference=conference,
        tie_break=tie_break,
        inscribed_at=inscribed_at or {},
        delegation_of=lambda delegate: delegate.delegation,
        rank_of=lambda delegate: delegate.protocol_rank,
        tier_of=_delegate_tier,
    )


def order_by_precedence(items, *, conference, delegation_of, rank_of, inscribed_at, group_of=None):
    """Any `items` (inscriptions to speak, for example) in the order of precedence, each at the
    level `rank_of(item)` gives, ties broken by `inscribed_at` (item id to time).

    With `group_of` (item to a regional group, or None), geographic balance within a level:
    among items of the same place, category and level, the next is the earliest whose group
    differs from the one before, when there is one."""
    ordered = _ordered(
        items,
        conference=conference,
        tie_break=BY_INSCRIPTION,
        inscribed_at=inscribed_at,
        delegation_of=delegation_of,
        rank_of=rank_of,
    )
    if group_of is None:
        return ordered
    host = conference.host_country.code if conference.host_pride_of_place else None

    def block(item):
        delegation = delegation_of(item)
        return (
            bool(host) and delegation.country.code == host,
            _CATEGORY.get(delegation.kind, 3),
            ProtocolRank.precedence(rank_of(item)),
        )

    balanced = []
    for _block, members in groupby(ordered, key=block):
        balanced += _alternate(list(members), group_of)
    return balanced


def _alternate(items, group_of):
    """`items` (in time order) so that two of a group follow each other only when no other
    group is waiting."""
    waiting, result, previous = list(items), [], object()
    while waiting:
        index = next((i for i, e in enumerate(waiting) if group_of(e) != previous), 0)
        item = waiting.pop(index)
        previous = group_of(item)
        result.append(item)
    return result


def _delegate_tier(delegate, is_host):
    if is_host and delegate.role == DelegateRole.HEAD:
        return (0, 0)
    if delegate.principal_order is not None:
        return (1, delegate.principal_order)  # principals in their order, before the rest
    return (2, 0) if is_host else (3, 0)


def _delegation_tier(_delegation, is_host):
    return (0, 0) if is_host else (3, 0)


def _ordered(items, *, conference, tie_break, inscribed_at, delegation_of, rank_of, tier_of=None):
    tier_of = tier_of or _delegation_tier
    if tie_break not in (BY_INSCRIPTION, BY_LOT):
        raise ValueError(f"unknown tie-break {tie_break!r}")
    with translation.override(conference.working_language):
        names = {id(item): _plain(delegation_of(item).display_name) for item in items}
    host = conference.host_country.code if conference.host_pride_of_place else None
    lot = _plain(conference.lot_letter or "A")

    def key(item):
        delegation = delegation_of(item)
        name = names[id(item)]
        if tie_break == BY_INSCRIPTION:
            moment = inscribed_at.get(item.pk)
            tie = (moment.timestamp() if moment else float("inf"), name)
        else:
            tie = (name[:1] < lot, name)  # from the letter drawn by lot, then wrapping round
        return (
            tier_of(item, bool(host) and delegation.country.code == host),
            _CATEGORY.get(delegation.kind, 3),
            ProtocolRank.precedence(rank_of(item)),
            tie,
        )

    return sorted(items, key=key)


def _head_rank(delegation):
    heads = [d for d in delegation.delegates.all() if d.role == DelegateRole.HEAD]
    return heads[0].protocol_rank if heads else ProtocolRank.DELEGATE


def _plain(name):
    """Accents and case set aside, as an alphabetical list of States sets them."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
