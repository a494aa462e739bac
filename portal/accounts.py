"""Creating the focal point's account, signing in and out, and resetting a forgotten password."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from delegations.errors import AccountExists, InvitationUnavailable, NotAccepted
from delegations.models import Invitation, InvitationState
from delegations.services import create_portal_account, link_portal_account
from portal.access import CURRENT_DELEGATION, delegation_context, portal_accounts
from portal.forms import AccountForm, ResetForm, SignInForm

ACCEPTED_INVITATION = "accepted_invitation"
BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
@require_http_methods(["GET", "POST"])
def create_account(request):
    """After accepting, the focal point chooses a password; the address is the invitation's."""
    invitation_id = request.session.get(ACCEPTED_INVITATION)
    if invitation_id is None:
        return redirect("portal:sign-in")
    invitation = get_object_or_404(
        Invitation.objects.select_related("delegation__conference"),
        pk=invitation_id,
        state=InvitationState.ACCEPTED,
    )
    with delegation_context(request, invitation.delegation):
        return _account_form(request, invitation)


def _account_form(request, invitation):
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = create_portal_account(invitation, password=form.cleaned_data["password1"])
        except ValidationError as error:
            form.add_error("password1", error)
        except AccountExists as error:
            messages.info(request, error.message)
            return redirect("portal:sign-in")
        except NotAccepted as error:
            form.add_error(None, error.message)
        else:
            del request.session[ACCEPTED_INVITATION]
            login(request, user, backend=BACKEND)
            request.session[CURRENT_DELEGATION] = invitation.delegation_id
            messages.success(request, _("Your account is ready. Welcome to the portal."))
            return redirect("portal:dashboard")
    return render(
        request,
        "portal/account_create.html",
        {"form": form, "invitation": invitation, "delegation": invitation.delegation},
    )


class SignInView(auth_views.LoginView):
    template_name = "portal/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # An address that already had an account accepted a new invitation: add its delegation.
        invitation_id = self.request.session.pop(ACCEPTED_INVITATION, None)
        if invitation_id:
            invitation = Invitation.objects.filter(pk=invitation_id).first()
            try:
                account = link_portal_account(self.request.user, invitation)
                self.request.session[CURRENT_DELEGATION] = account.delegation_id
            except (InvitationUnavailable, NotAccepted, AttributeError):
                pass
        return response


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:sign-in")


class ResetView(auth_views.PasswordResetView):
    form_class = ResetForm
    template_name = "portal/password_reset.html"
    success_url = reverse_lazy("portal:password-reset-sent")


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "portal/password_reset_sent.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password-reset-complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "portal/password_reset_complete.html"


@never_cache
def choose_delegation(request):
    """For an address that registers several delegations (one mission, several conferences)."""
    if not request.user.is_authenticated:
        return redirect("portal:sign-in")
    accounts = list(portal_accounts(request.user))
    if request.method == "POST":
        chosen = request.POST.get("delegation", "")
        if any(str(a.delegation_id) == chosen for a in accounts):
            request.session[CURRENT_DELEGATION] = int(chosen)
            return redirect("portal:dashboard")
    if not accounts:
        return render(request, "portal/choose_delegation.html", {"accounts": accounts})
    # In the language of the delegation the focal point works for (else the first), as every
    # other page of the portal, not in the browser's.
    chosen = request.session.get(CURRENT_DELEGATION)
    current = next((a for a in accounts if a.delegation_id == chosen), accounts[0])
    with delegation_context(request, current.delegation):
        return render(request, "portal/choose_delegation.html", {"accounts": accounts})
