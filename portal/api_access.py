"""The focal point's token for the API, which reads their own delegations only."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from delegations.selectors import has_api_token
from delegations.services import issue_api_token, revoke_api_token
from portal.access import focal_point_required


@focal_point_required
def api_access(request):
    token = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            revoke_api_token(request.user)
            messages.success(request, _("The token is revoked."))
            return redirect("portal:api-access")
        # Shown once, on this answer only: the page never shows it again.
        token = issue_api_token(request.user)
    return render(
        request,
        "portal/api_access.html",
        {
            "delegation": request.delegation,
            "token": token,
            "has_token": has_api_token(request.user),
        },
    )
