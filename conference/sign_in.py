"""One-step sign-in with a second factor, and its enrolment, for the accounts that are not the
console's: liaison officers (who must have one) and journalists (who may).

The sign-in page asks for the e-mail address, the password and, on the same page, the code of
the authenticator app (or a backup code), as the console does: an account with a device passes
only with a valid code, and django-otp then marks the session verified. An account without one
passes with the password; the page that needs a second factor sends it to the enrolment page,
which shows the key as a QR code and confirms it with the app's first code. The writes are
`conference.two_factor`'s.
"""

from django import forms
from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin

from conference import two_factor
from conference.errors import DomainError
from conference.security_log import record_security_event
from conference.sign_in_throttle import ThrottledSignInForm


class CodeForm(forms.Form):
    """The first code of a new authenticator, which confirms it."""

    token = forms.CharField(
        label=_("Code shown by the app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class SignInWithCodeForm(ThrottledSignInForm, OTPAuthenticationFormMixin, AuthenticationForm):
    """E-mail address, password and, for an account with a second factor, its code."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    otp_token = forms.CharField(
        label=_("Code shown by the app"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("If you set up two-factor authentication: the app's code, or a backup code."),
    )
    error_messages = {
        # One message for a wrong password and an unknown address: nothing to enumerate.
        "invalid_login": _("The e-mail address or the password is not right."),
        "inactive": _("The e-mail address or the password is not right."),
    }
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("This account signs in with a second factor: type the app's code."),
        "invalid_token": two_factor.InvalidCode.default_message,
        "device_required": two_factor.InvalidCode.default_message,
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            try:
                self.clean_otp(user)
            except forms.ValidationError as error:
                if error.code in ("invalid_token", "device_required"):
                    record_security_event(
                        "two_factor_failed", request=self.request, actor=user.get_username()
                    )
                raise
        return self.cleaned_data

    def _chosen_device(self, user):
        # These accounts enrol one authenticator: the code says which device it is from.
        return two_factor.device_for_code(user, self.cleaned_data.get("otp_token") or "")


def confirm_enrolment(request, form) -> list[str] | None:
    """The first code of the pending authenticator, typed in `form` (a valid CodeForm), for the
    console and the other sign-ins alike. Right: this session is verified with the device, under
    a new session key (a new privilege), and the backup codes are returned, to be shown once.
    Wrong: the form says so and None is returned. Both go to the security log."""
    try:
        device, codes = two_factor.confirm_device(request.user, token=form.cleaned_data["token"])
    except DomainError as error:
        form.add_error("token", error.message)
        record_security_event("two_factor_failed", request=request)
        return None
    request.session.cycle_key()
    otp_login(request, device)
    record_security_event("two_factor_enrolled", request=request)
    return codes


def must_enrol(user) -> bool:
    """Signed in by password alone, with no second factor to verify yet."""
    return user.is_authenticated and not user.is_verified() and not user_has_device(user)


@method_decorator(never_cache, name="dispatch")
class EnrolSecondFactorView(View):
    """Set up the authenticator: the key as a QR code, confirmed by the app's first code, which
    also verifies this session; the backup codes are then shown once.

    Configured per surface: its base template, the sign-in page (to which an account that
    already has a device but whose session is not verified is sent), where to go after, whether
    the surface requires the second factor (the page says so), and who may enrol there."""

    base_template = ""
    refused_template = ""
    sign_in_url = ""
    done_url = ""
    required = True

    def may_enrol(self, user) -> bool:
        return True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), self.sign_in_url)
        if not self.may_enrol(request.user):
            return TemplateResponse(request, self.refused_template, status=403)
        if request.user.is_verified():
            return redirect(self.done_url)
        if user_has_device(request.user):
            # Enrolled already: the code is asked at sign-in.
            auth.logout(request)
            return redirect(self.sign_in_url)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        codes = confirm_enrolment(request, form) if form.is_valid() else None
        if codes is not None:
            return TemplateResponse(
                request,
                "two_factor/backup_codes.html",
                {"base_template": self.base_template, "codes": codes, "done": self.done_url},
            )
        return self._render(request, form)

    def _render(self, request, form):
        device = two_factor.pending_device(request.user)
        return TemplateResponse(
            request,
            "two_factor/setup.html",
            {
                "base_template": self.base_template,
                "form": form,
                "qr_code": two_factor.qr_code_svg(device),
                "key": two_factor.readable_key(device),
                "required": self.required,
            },
        )
