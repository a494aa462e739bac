"""Thin pages over `services.movements_on` and the travel records, for one officer's care."""

from datetime import date

from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils import timezone

from conference.sign_in import EnrolSecondFactorView, SignInWithCodeForm
from delegations import services
from delegations.documents.arrivals import movements_sheet_pdf
from delegations.enums import AirportTransfer, ProtocolRank
from delegations.liaison.access import liaison_required
from delegations.models import LiaisonOfficer, Travel
from delegations.services.arrivals import ARRIVAL, DEPARTURE


class SignInView(auth_views.LoginView):
    template_name = "liaison/sign_in.html"
    authentication_form = SignInWithCodeForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("liaison:home")


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("liaison:sign-in")


class SecondFactorView(EnrolSecondFactorView):
    """Required: an officer sees the travel of the delegations in their care."""

    base_template = "liaison/base.html"
    refused_template = "liaison/no_delegation.html"
    sign_in_url = reverse_lazy("liaison:sign-in")
    done_url = reverse_lazy("liaison:home")

    def may_enrol(self, user):
        return LiaisonOfficer.objects.filter(user=user).exists()


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The welcome message's link: the officer chooses a password, then signs in."""

    template_name = "liaison/password_set.html"
    success_url = reverse_lazy("liaison:sign-in")


@liaison_required
def home(request):
    delegations = request.liaison_delegations.order_by("name", "country")
    travels = Travel.objects.filter(delegate__delegation__in=delegations)
    tz = request.conference.tzinfo
    days = sorted(
        {timezone.localtime(moment, tz).date() for moment in _moments(travels)},
    )
    return render(
        request,
        "liaison/home.html",
        {"delegations": sorted(delegations, key=lambda d: d.display_name), "days": days},
    )


@liaison_required
def delegation(request, delegation_id):
    delegation = get_object_or_404(request.liaison_delegations, pk=delegation_id)
    delegates = sorted(
        delegation.delegates.select_related("travel"),
        key=lambda d: (ProtocolRank.precedence(d.protocol_rank), d.family_name),
    )
    rows = []
    for delegate in delegates:
        travel = getattr(delegate, "travel", None)
        transfer = travel.transfer if travel else AirportTransfer.NONE
        protocol = services.arrival_protocol(delegate.protocol_rank, transfer=transfer)
        rows.append({"delegate": delegate, "travel": travel, "protocol": protocol})
    return render(request, "liaison/delegation.html", {"delegation": delegation, "rows": rows})


@liaison_required
def day_sheet(request, day):
    day = _day(day)
    context = {
        "day": day,
        "arrivals": services.movements_on(
            request.conference, day, direction=ARRIVAL, delegations=request.liaison_delegations
        ),
        "departures": services.movements_on(
            request.conference, day, direction=DEPARTURE, delegations=request.liaison_delegations
        ),
    }
    return render(request, "liaison/day.html", context)


@liaison_required
def day_sheet_pdf(request, day):
    day = _day(day)
    movements = services.movements_on(
        request.conference, day, direction=ARRIVAL, delegations=request.liaison_delegations
    )
    pdf = movements_sheet_pdf(request.conference, day, movements)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="arrivals-{day.isoformat()}.pdf"'
    return response


def _day(text):
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise Http404 from error


def _moments(travels):
    for arrives_at, departs_at in travels.values_list("arrives_at", "departs_at"):
        yield from (moment for moment in (arrives_at, departs_at) if moment)
