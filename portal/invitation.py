"""The invitation link: GET shows it (never consuming it), POST records the answer once."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from delegations.errors import InvitationUnavailable
from delegations.services import accepted_invitation, answer_invitation, open_invitation
from portal.access import delegation_context
from portal.accounts import ACCEPTED_INVITATION


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    try:
        if request.method == "POST" and request.POST.get("answer") in ("accept", "decline"):
            accepted = request.POST["answer"] == "accept"
            invite = answer_invitation(token, accept=accepted)
            return _after_answer(request, invite, accepted=accepted)
        invite = open_invitation(token)
    except InvitationUnavailable as error:
        if request.method == "GET":
            try:
                # Accepted earlier, and no account yet: the link leads on to the account.
                return _after_answer(request, accepted_invitation(token), accepted=True)
            except InvitationUnavailable:
                pass
        # Expired, revoked, used or unknown look the same, so the page reveals nothing.
        return render(request, "portal/invitation_unavailable.html", {"error": error}, status=410)
    conference = invite.delegation.conference
    with delegation_context(request, invite.delegation):
        return render(
            request,
            "portal/invitation.html",
            {
                "invitation": invite,
                "delegation": invite.delegation,
                "conference": conference,
                "conference_tz": conference.timezone,
            },
        )


def _after_answer(request, invite, *, accepted):
    if accepted:
        request.session[ACCEPTED_INVITATION] = invite.pk
        return redirect("portal:account-create")
    with delegation_context(request, invite.delegation):
        return render(
            request,
            "portal/invitation_answered.html",
            {"invitation": invite, "conference": invite.delegation.conference, "accepted": False},
        )
