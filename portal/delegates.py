"""The delegation's delegates: add, change, remove, and their photos."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from conference.errors import DomainError
from conference.files import private_file
from delegations.errors import InvalidPhoto, PersonAlreadyRegistered
from delegations.models import Delegate
from delegations.services import is_editable, remove_delegate, save_delegate
from portal.access import focal_point_required
from portal.forms import DelegateForm

# Where a domain error shows in the form; the others show above it.
ERROR_FIELDS = {InvalidPhoto: "photo_upload", PersonAlreadyRegistered: "passport_number"}


@focal_point_required
def delegate_list(request):
    delegation = request.delegation
    return render(
        request,
        "portal/delegates.html",
        {
            "delegation": delegation,
            "delegates": delegation.delegates.select_related("travel").order_by(
                "family_name", "given_names"
            ),
            "editable": is_editable(delegation),
            "quotas": delegation.conference.delegation_quotas,
        },
    )


@require_http_methods(["GET", "POST"])
@focal_point_required
def delegate_form(request, delegate_id=None):
    delegation = request.delegation
    if delegate_id is None:
        delegate = Delegate(delegation=delegation, conference_id=delegation.conference_id)
    else:
        delegate = get_object_or_404(delegation.delegates, pk=delegate_id)
    editable = is_editable(delegation)
    form = DelegateForm(request.POST or None, request.FILES or None, instance=delegate)
    if request.method == "POST" and editable and form.is_valid():
        try:
            save_delegate(
                delegation,
                delegate=delegate if delegate.pk else None,
                passport_number=form.cleaned_data["passport_number"],
                photo=form.cleaned_data["photo_upload"],
                **form.service_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except DomainError as error:
            form.add_error(ERROR_FIELDS.get(type(error)), error.message)
        else:
            messages.success(request, _("The delegate is saved."))
            return redirect("portal:delegates")
    return render(
        request,
        "portal/delegate_form.html",
        {"form": form, "delegate": delegate, "editable": editable, "delegation": delegation},
        # A POST that got here was refused: say so to scripts and tests, not only in the page.
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@focal_point_required
def delegate_remove(request, delegate_id):
    delegate = get_object_or_404(request.delegation.delegates, pk=delegate_id)
    try:
        remove_delegate(delegate)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s is removed.") % {"name": delegate.full_name})
    return redirect("portal:delegates")


@focal_point_required
def delegate_photo(request, delegate_id):
    delegate = get_object_or_404(request.delegation.delegates, pk=delegate_id)
    return private_file(delegate.photo, content_type="image/jpeg")
