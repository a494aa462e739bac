"""Places in roundtables: confirmed while seats remain, then a wait list promoted in order.

Capacity holds under concurrency: every change locks the session's row first (one lock per
transaction, taken right before the count that decides), so two requests for the last seat are
served one after the other and the second goes to the wait list.
"""

from django.db import transaction
from django.db.models import Max

from delegations.models import Delegate
from delegations.services import ensure_editable
from sessions.enums import SessionState
from sessions.errors import AlreadyHasPlace, DelegationQuotaReached, PlacesNotOffered
from sessions.models import Place, PlaceState, Session
from sessions.services.notices import notify_place

# Only the concurrency test's negative control turns this off, to show the race it guards.
LOCK_SESSION_ROW = True


def reserve_place(session: Session, *, delegate: Delegate, by_focal_point=False) -> Place:
    """Give the delegate a confirmed place, or a place on the wait list (with its number) when
    the session is full. Refuses a session without capacity or not published, a second place
    for the same delegate, and more places than the conference allows one delegation. Sends the
    delegate a confirmation (with an .ics) or the wait-list notice. A focal point may do so only
    while the delegation's registration is open; organisers at any time."""
    with transaction.atomic():
        if by_focal_point:
            ensure_editable(delegate.delegation)
        session = _locked(session.pk)
        capacity = session.effective_capacity
        if session.state != SessionState.PUBLISHED or not capacity:
            raise PlacesNotOffered()
        if delegate.delegation.conference_id != session.conference_id:
            raise PlacesNotOffered()
        held = Place.objects.filter(session=session).exclude(state=PlaceState.RELEASED)
        if held.filter(delegate=delegate).exists():
            raise AlreadyHasPlace()
        quota = session.conference.places_per_delegation
        if held.filter(delegate__delegation_id=delegate.delegation_id).count() >= quota:
            raise DelegationQuotaReached(quota=quota)
        if held.filter(state=PlaceState.CONFIRMED).count() < capacity:
            place = Place.objects.create(
                session=session, delegate=delegate, state=PlaceState.CONFIRMED
            )
            notify_place(delegate, session=session, outcome="confirmed")
        else:
            last = held.filter(state=PlaceState.WAITLISTED).aggregate(n=Max("waitlist_number"))
            place = Place.objects.create(
                session=session,
                delegate=delegate,
                state=PlaceState.WAITLISTED,
                waitlist_number=(last["n"] or 0) + 1,
            )
            notify_place(
                delegate, session=session, outcome="waitlisted", position=waitlist_position(place)
            )
    return place


def release_place(place: Place, *, by_focal_point=False) -> Place | None:
    """Give a place up. A confirmed place freed goes to the first on the wait list, who is told.
    Returns the promoted place, if any. A focal point only while the registration is open."""
    with transaction.atomic():
        if by_focal_point:
            ensure_editable(place.delegate.delegation)
        session = _locked(place.session_id)
        place = Place.objects.select_for_update().get(pk=place.pk)
        was_confirmed = place.state == PlaceState.CONFIRMED
        if place.state == PlaceState.RELEASED:
            return None
        place.state = PlaceState.RELEASED
        place.save(update_fields=["state", "updated_at"])
        if not was_confirmed:
            return None
        following = (
            Place.objects.filter(session=session, state=PlaceState.WAITLISTED)
            .select_related("delegate__delegation")
            .order_by("waitlist_number")
            .first()
        )
        if following is None:
            return None
        following.state = PlaceState.CONFIRMED
        following.save(update_fields=["state", "updated_at"])
        notify_place(following.delegate, session=session, outcome="promoted")
    return following


def waitlist_position(place: Place) -> int:
    """1 for the next to be promoted."""
    return Place.objects.filter(
        session_id=place.session_id,
        state=PlaceState.WAITLISTED,
        waitlist_number__lte=place.waitlist_number,
    ).count()


def _locked(session_id):
    sessions = Session.objects.select_related("conference", "room")
    if LOCK_SESSION_ROW:
        sessions = sessions.select_for_update(of=("self",))
    return sessions.get(pk=session_id)
