"""The delegation's note verbale or credentials letter."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from conference.errors import DomainError
from conference.files import private_file
from delegations.services import is_editable, upload_credentials
from portal.access import focal_point_required
from portal.forms import CredentialsForm


@require_http_methods(["GET", "POST"])
@focal_point_required
def documents(request):
    delegation = request.delegation
    editable = is_editable(delegation)
    form = CredentialsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and editable and form.is_valid():
        try:
            upload_credentials(delegation, file=form.cleaned_data["document"])
        except DomainError as error:
            form.add_error("document", error.message)
        else:
            messages.success(request, _("The document is received."))
            return redirect("portal:documents")
    return render(
        request,
        "portal/documents.html",
        {"form": form, "delegation": delegation, "editable": editable},
        # A POST that got here was refused: say so to scripts and tests, not only in the page.
        status=400 if request.method == "POST" else 200,
    )


@focal_point_required
def credentials_file(request):
    return private_file(
        request.delegation.credentials,
        content_type="application/pdf",
        filename="credentials.pdf",
    )
