"""The delegation's entries in the list of participants: check them, correct them, confirm."""

from django import forms
from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from delegations.models import ListCheck, ParticipantList
from delegations.services import (
    confirm_list_entries,
    correct_list_entry,
    listed_delegates,
    printed_entry,
)
from delegations.services.participants import LISTED_ROLES, final_issued
from portal.access import focal_point_required


class ListEntryForm(RefusesControlCharacters, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=40, required=False)
    name = forms.CharField(label=gettext_lazy("Name as printed"), max_length=300)
    function = forms.CharField(label=gettext_lazy("Function"), max_length=200, required=False)


@focal_point_required
def participants(request):
    delegation = request.delegation
    conference = delegation.conference
    prefetch_related_objects([delegation], "delegates__list_entry")
    rows = [{"delegate": d, "entry": printed_entry(d)} for d in listed_delegates(delegation)]
    return render(
        request,
        "portal/participants.html",
        {
            "delegation": delegation,
            "rows": rows,
            "closed": final_issued(conference),
            "check": ListCheck.objects.filter(delegation=delegation).first(),
            "latest": ParticipantList.objects.filter(conference=conference)
            .order_by("-number")
            .first(),
        },
    )


@require_http_methods(["GET", "POST"])
@focal_point_required
def participant_edit(request, delegate_id):
    delegation = request.delegation
    delegate = get_object_or_404(
        delegation.delegates.filter(role__in=LISTED_ROLES).select_related("list_entry"),
        pk=delegate_id,
    )
    closed = final_issued(delegation.conference)
    form = ListEntryForm(request.POST or None, initial=printed_entry(delegate))
    if request.method == "POST" and not closed and form.is_valid():
        try:
            correct_list_entry(delegate, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The entry is corrected. Confirm the list once it is right.")
            )
            return redirect("portal:participants")
    return render(
        request,
        "portal/participant_form.html",
        {"form": form, "delegate": delegate, "closed": closed, "delegation": delegation},
    )


@require_POST
@focal_point_required
def participants_confirm(request):
    try:
        confirm_list_entries(request.delegation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: your entries are confirmed."))
    return redirect("portal:participants")
