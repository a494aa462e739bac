"""The exact search behind `schedule_bilaterals`, apart from the database.

Meetings go into slots of a fixed grid (slots never partly overlap), under two rules: at one slot
a delegation is in one meeting at most, and a slot holds no more meetings than it has free
bilateral rooms. Which room does not matter to the others (any free room at that slot will do),
so the search chooses slots only and counts rooms.

Taking meetings in request order and giving each its first free slot can fail where a
placement exists (it may take the only slot another meeting can use). The search is a
branch-and-bound backtracking: it places the most constrained meeting first (fewest slots left),
tries its slots in order of preference, then the branch where it stays unplaced, and prunes every
branch that cannot place more meetings than the best found. It stops as soon as every meeting
that has a slot at all is placed. A node budget bounds the time on large cases that cannot be
placed whole; the best placement found by then is kept.
"""

from collections import defaultdict
from dataclasses import dataclass

NODE_BUDGET = 20_000


@dataclass(frozen=True)
class Request:
    key: int
    sides: frozenset
    # Slots allowed for this meeting (both sides free, a room free), best first.
    slots: tuple
    # Ties between equally constrained meetings go to the earlier request.
    order: int = 0


def place(requests, free_rooms, *, budget=NODE_BUDGET) -> dict:
    """The most meetings that can be placed: {request key: slot}. `free_rooms` gives, for each
    slot, the number of bilateral rooms not already taken."""
    free = defaultdict(int, free_rooms)
    busy = defaultdict(set)
    current, best = {}, {}
    reachable = sum(1 for request in requests if request.slots)
    nodes = 0

    def options(request):
        return [s for s in request.slots if free[s] > 0 and not busy[s] & request.sides]

    def search(pending):
        nonlocal best, nodes
        nodes += 1
        domains = {request.key: options(request) for request in pending}
        # A meeting left without a slot here cannot get one deeper in this branch.
        live = [request for request in pending if domains[request.key]]
        if len(current) + len(live) <= len(best):
            return
        if not live:
            best = dict(current)
            return
        request = min(live, key=lambda r: (len(domains[r.key]), r.order))
        rest = [other for other in live if other is not request]
        for slot in domains[request.key]:
            current[request.key] = slot
            free[slot] -= 1
            busy[slot] |= request.sides
            search(rest)
            del current[request.key]
            free[slot] += 1
            busy[slot] -= request.sides
            if len(best) == reachable or nodes > budget:
                return
        search(rest)

    search(sorted(requests, key=lambda r: r.order))
    return best
