"""The order of precedence: the one function every protocol list uses.

Delegations and delegates are ordered by:
1. the host first, when the conference grants it pride of place;
2. category: Member States, then observer States, then organisations;
3. level of representation (ProtocolRank: Heads of State; Vice-Presidents and Crown Princes;
   Heads of Government; deputy Heads of Government; Ministers for Foreign Affairs; other
   Ministers; other heads of delegation...); a delegation's level is its head's;
4. a tie-break chosen for the use: the time of inscription (the speakers' list), or the
   alphabetical order of State names in the conference's working language, starting from the
   letter drawn by lot (seating, the signing order); organisations by name.
"""

import unicodedata

from django.utils import translation

from delegations.enums import DelegateRole, DelegationKind, ProtocolRank

BY_INSCRIPTION = "inscription"
BY_LOT = "lot"

_CATEGORY = {DelegationKind.MEMBER_STATE: 0, DelegationKind.OBSERVER_STATE: 1}


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
    """`delegates` in the order of precedence (by each delegate's own rank); `inscribed_at`
    maps delegate ids to times for `BY_INSCRIPTION`."""
    return _ordered(
        delegates,
        conference=conference,
        tie_break=tie_break,
        inscribed_at=inscribed_at or {},
        delegation_of=lambda delegate: delegate.delegation,
        rank_of=lambda delegate: delegate.protocol_rank,
    )


def _ordered(items, *, conference, tie_break, inscribed_at, delegation_of, rank_of):
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
            0 if host and delegation.country.code == host else 1,
            _CATEGORY.get(delegation.kind, 2),
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
