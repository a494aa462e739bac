"""Session choices: roundtable places (with the wait list), the general debate's speakers' list."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conference.errors import DomainError
from delegations.choices import NOT_ON_THE_FLOOR
from delegations.models import Delegate
from delegations.services import is_editable
from portal.access import focal_point_required
from portal.forms import PlaceForm
from sessions.enums import SessionKind, SessionState
from sessions.errors import SpeakerNotInDelegation
from sessions.models import GalaAnswer, Inscription, Place, PlaceState, Session
from sessions.selectors import expected_times, gala_guests
from sessions.services import (
    answer_gala_dinner,
    release_place,
    request_to_speak,
    reserve_place,
    waitlist_position,
    withdraw_from_list,
)


@focal_point_required
def programme(request):
    delegation = request.delegation
    roundtables = (
        Session.objects.filter(
            conference=delegation.conference,
            kind=SessionKind.ROUNDTABLE,
            state=SessionState.PUBLISHED,
        )
        # The conference gives the order in which a missing translation falls back.
        .select_related("room", "conference")
        .annotate(confirmed=Count("places", filter=Q(places__state=PlaceState.CONFIRMED)))
        .order_by("starts_at")
    )
    places = (
        Place.objects.filter(delegate__delegation=delegation)
        .exclude(state=PlaceState.RELEASED)
        .select_related("delegate", "session")
    )
    held = {}
    for place in places:
        if place.state == PlaceState.WAITLISTED:
            place.position = waitlist_position(place)
        held.setdefault(place.session_id, []).append(place)
    for session in roundtables:
        session.places_left = max((session.effective_capacity or 0) - session.confirmed, 0)
        session.our_places = held.get(session.pk, [])
    delegates = list(delegation.delegates.order_by("family_name", "given_names"))
    answers = {
        (a.session_id, a.delegate_id): a
        for a in GalaAnswer.objects.filter(delegate__delegation=delegation)
    }
    dinners = list(
        Session.objects.filter(
            conference=delegation.conference,
            kind=SessionKind.GALA_DINNER,
            state=SessionState.PUBLISHED,
        )
        .select_related("room", "conference")
        .order_by("starts_at")
    )
    for dinner in dinners:
        # Only those invited are asked (the state banquet: heads of delegation).
        dinner.guests = [
            (d, answers.get((dinner.pk, d.pk))) for d in gala_guests(dinner, delegates)
        ]
    inscription = Inscription.objects.filter(
        delegation=delegation, withdrawn_at__isnull=True
    ).first()
    place_on_list, expected_at = _place_on_the_list(delegation) if inscription else (None, None)
    return render(
        request,
        "portal/programme.html",
        {
            "delegation": delegation,
            "roundtables": roundtables,
            "dinners": dinners,
            "form": PlaceForm(delegation=delegation),
            "inscription": inscription,
            "place_on_list": place_on_list,
            "may_speak": delegation.kind not in NOT_ON_THE_FLOOR,
            "expected_at": expected_at,
            "editable": is_editable(delegation),
        },
    )


def _place_on_the_list(delegation):
    """The delegation's place on the general debate's speakers' list (from 1) and the expected
    time of its statement (None beyond the last sitting), as the console's list computes them."""
    for place, (entry, expected) in enumerate(expected_times(delegation.conference), start=1):
        if entry.delegation_id == delegation.pk:
            return place, expected
    return None, None


@require_POST
@focal_point_required
def place_reserve(request, session_id):
    delegation = request.delegation
    session = get_object_or_404(
        Session, pk=session_id, conference=delegation.conference, kind=SessionKind.ROUNDTABLE
    )
    form = PlaceForm(request.POST, delegation=delegation)
    if not form.is_valid():
        messages.error(request, _("Choose one of your delegates."))
        return redirect("portal:programme")
    try:
        place = reserve_place(session, delegate=form.cleaned_data["delegate"], by_focal_point=True)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if place.state == PlaceState.CONFIRMED:
            messages.success(request, _("The place is confirmed."))
        else:
            messages.info(
                request,
                _("The roundtable is full: number %(position)s on the wait list.")
                % {"position": waitlist_position(place)},
            )
    return redirect("portal:programme")


@require_POST
@focal_point_required
def place_release(request, place_id):
    place = get_object_or_404(
        Place.objects.exclude(state=PlaceState.RELEASED),
        pk=place_id,
        delegate__delegation=request.delegation,
    )
    try:
        release_place(place, by_focal_point=True)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The place is given up."))
    return redirect("portal:programme")


@require_POST
@focal_point_required
def speak(request):
    delegation = request.delegation
    try:
        if request.POST.get("withdraw"):
            withdraw_from_list(delegation, by_focal_point=True)
            messages.success(request, _("Your delegation is off the speakers' list."))
        else:
            speaker, chosen = None, request.POST.get("speaker", "")
            if chosen:
                # Any delegate of the conference: whether the speaker may speak for the
                # delegation is the service's rule.
                if chosen.isdigit() and len(chosen) < 10:
                    speaker = Delegate.objects.filter(
                        pk=int(chosen), conference=delegation.conference
                    ).first()
                if speaker is None:
                    raise SpeakerNotInDelegation()
            request_to_speak(delegation, speaker=speaker, by_focal_point=True)
            messages.success(request, _("Your delegation is on the speakers' list."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("portal:programme")


@require_POST
@focal_point_required
def gala_answer(request, session_id):
    delegation = request.delegation
    dinner = get_object_or_404(
        Session, pk=session_id, conference=delegation.conference, kind=SessionKind.GALA_DINNER
    )
    delegate = get_object_or_404(delegation.delegates, pk=request.POST.get("delegate") or 0)
    if request.POST.get("attending") not in ("yes", "no"):
        messages.error(request, _("Say whether %(name)s will attend.") % {"name": delegate})
        return redirect("portal:programme")
    try:
        answer_gala_dinner(
            dinner,
            delegate=delegate,
            attending=request.POST["attending"] == "yes",
            dietary_needs=request.POST.get("dietary_needs", "")[:300],
            by_focal_point=True,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The answer of %(name)s is recorded.") % {"name": delegate})
    return redirect("portal:programme")
