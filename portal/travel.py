"""Arrivals and departures, hotel and airport transfer, per delegate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from conference.errors import DomainError
from delegations.models import Travel
from delegations.services import is_editable, save_travel
from portal.access import focal_point_required
from portal.forms import TravelForm


@focal_point_required
def travel_list(request):
    delegation = request.delegation
    return render(
        request,
        "portal/travel.html",
        {
            "delegation": delegation,
            "delegates": delegation.delegates.select_related("travel").order_by(
                "family_name", "given_names"
            ),
            "editable": is_editable(delegation),
        },
    )


@require_http_methods(["GET", "POST"])
@focal_point_required
def travel_form(request, delegate_id):
    delegation = request.delegation
    delegate = get_object_or_404(delegation.delegates, pk=delegate_id)
    travel = Travel.objects.filter(delegate=delegate).first() or Travel(delegate=delegate)
    editable = is_editable(delegation)
    form = TravelForm(request.POST or None, instance=travel)
    if request.method == "POST" and editable and form.is_valid():
        try:
            save_travel(delegate, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The travel details are saved."))
            return redirect("portal:travel")
    return render(
        request,
        "portal/travel_form.html",
        {"form": form, "delegate": delegate, "editable": editable, "delegation": delegation},
    )
