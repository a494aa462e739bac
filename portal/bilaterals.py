"""Bilateral meetings in the portal: the requests a delegation sent and received, a new request,
answers, cancellations. Every query starts from `request.delegation`: another delegation's
meeting is not found (404)."""

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from delegations.choices import DelegationChoiceField
from delegations.models import Delegation
from portal.access import focal_point_required
from sessions.models import BilateralLevel, BilateralMeeting
from sessions.selectors import bilateral_counterparts
from sessions.services import (
    accept_bilateral,
    cancel_bilateral,
    decline_bilateral,
    request_bilateral,
)


class BilateralRequestForm(RefusesControlCharacters, forms.Form):
    counterpart = DelegationChoiceField(
        label=gettext_lazy("Delegation"), queryset=Delegation.objects.none()
    )
    preferred_day = forms.TypedChoiceField(
        label=gettext_lazy("Preferred day"), coerce=date.fromisoformat
    )
    level = forms.ChoiceField(label=gettext_lazy("Level"), choices=BilateralLevel.choices)
    topics = forms.CharField(
        label=gettext_lazy("Topics"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, delegation, **kwargs):
        super().__init__(*args, **kwargs)
        conference = delegation.conference
        self.fields["counterpart"].queryset = bilateral_counterparts(delegation)
        days = (conference.end_date - conference.start_date).days + 1
        self.fields["preferred_day"].choices = [
            (day.isoformat(), date_format(day, "DATE_FORMAT"))
            for day in (conference.start_date + timedelta(days=n) for n in range(days))
        ]


@focal_point_required
def bilaterals(request):
    return _page(request, BilateralRequestForm(delegation=request.delegation))


@require_POST
@focal_point_required
def bilateral_request(request):
    delegation = request.delegation
    form = BilateralRequestForm(request.POST, delegation=delegation)
    if form.is_valid():
        try:
            request_bilateral(
                delegation, requested_by=request.user.get_username(), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The request is sent; the other delegation will answer it here.")
            )
            return redirect("portal:bilaterals")
    return _page(request, form)


@require_POST
@focal_point_required
def bilateral_accept(request, meeting_id):
    meeting = get_object_or_404(_ours(request), pk=meeting_id, counterpart=request.delegation)
    return _change(request, accept_bilateral, meeting, _("The meeting is accepted."))


@require_POST
@focal_point_required
def bilateral_decline(request, meeting_id):
    meeting = get_object_or_404(_ours(request), pk=meeting_id, counterpart=request.delegation)
    return _change(request, decline_bilateral, meeting, _("The request is declined."))


@require_POST
@focal_point_required
def bilateral_cancel(request, meeting_id):
    meeting = get_object_or_404(_ours(request), pk=meeting_id)
    return _change(request, cancel_bilateral, meeting, _("The meeting is cancelled."))


def _ours(request):
    delegation = request.delegation
    return BilateralMeeting.objects.filter(
        Q(requester=delegation) | Q(counterpart=delegation)
    ).select_related("conference__venue", "requester", "counterpart", "room")


def _change(request, service, meeting, done):
    try:
        service(meeting, delegation=request.delegation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("portal:bilaterals")


def _page(request, form):
    delegation = request.delegation
    meetings = list(_ours(request).order_by("-requested_at"))
    return render(
        request,
        "portal/bilaterals.html",
        {
            "delegation": delegation,
            "sent": [m for m in meetings if m.requester_id == delegation.pk],
            "received": [m for m in meetings if m.counterpart_id == delegation.pk],
            "form": form,
        },
    )
