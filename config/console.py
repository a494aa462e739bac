"""The organiser console: Django's admin behind django-otp's two-factor sign-in.

`ConsoleAdminSite` is the default admin site (config.apps.ConsoleAdminConfig). Every page needs a
staff account verified by a second factor in this session: a code of the authenticator app, or
one of the single-use backup codes. A staff member without any device yet signs in with the
password alone and is sent to enrol one; that enrolment page is the only one they can open.
"""

from django import forms
from django.contrib import auth
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from conference import two_factor
from conference.security_log import record_security_event
from conference.sign_in import CodeForm, confirm_enrolment
from conference.sign_in_throttle import ThrottledSignInForm


def needs_enrolment(user) -> bool:
    """A staff member signed in by password who has no second factor yet."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and not user.is_verified()
        and not user_has_device(user)
    )


class ConsoleAuthenticationForm(ThrottledSignInForm, OTPAdminAuthenticationForm):
    """django-otp's sign-in form (password, device, code), except that a staff member with no
    device yet passes with the password: the site then lets them reach the enrolment page only.

    The device is chosen for the person when there is no doubt which one the code belongs to
    (`two_factor.device_for_code`), so that the usual sign-in is one step; the list of devices is
    offered only to someone with several authenticators."""

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            device = two_factor.device_for_code(user, self.cleaned_data.get("otp_token") or "")
        return device

    def offers_device_choice(self):
        user = self.get_user()
        return user is not None and two_factor.needs_device_choice(user)

    def clean(self):
        self.cleaned_data = AdminAuthenticationForm.clean(self)
        user = self.get_user()
        if user is None or not user_has_device(user):
            return self.cleaned_data
        try:
            self.clean_otp(user)
        except forms.ValidationError as error:
            if error.code == "invalid_token":
                record_security_event(
                    "two_factor_failed", request=self.request, actor=user.get_username()
                )
            raise
        return self.cleaned_data


# Tables of the sign-in machinery (API tokens, lockouts after failed sign-ins, second-factor
# devices): a superuser's business, shown apart under one plain heading, never to organisers.
TECHNICAL_APPS = frozenset({"knox", "axes", "otp_totp", "otp_static"})


TECHNICAL_MODEL_NAMES = {
    "AuthToken": _("API access keys"),
    "AccessAttempt": _("Failed sign-in attempts"),
    "AccessLog": _("Sign-ins"),
    "AccessFailureLog": _("Failed sign-ins"),
    "TOTPDevice": _("Authenticator apps"),
    "StaticDevice": _("Backup codes"),
}


class ConsoleAdminSite(OTPAdminSite):
    site_header = _("Conference logistics: organiser console")
    site_title = _("Organiser console")
    # The first page is the conference's numbers, not Django's "Site administration".
    index_title = _("Overview")
    # "View site" leads to the focal points' portal (its sign-in page for an organiser).
    site_url = reverse_lazy("portal:home")
    login_form = ConsoleAuthenticationForm
    login_template = "admin/console_login.html"
    index_template = "admin/dashboard.html"  # the conference's numbers (config/dashboard.py)

    def get_app_list(self, request, app_label=None):
        """The apps an organiser works in, then, for a superuser only, one group "Sign-in
        records" gathering the technical tables, named in plain words."""
        apps = super().get_app_list(request, app_label)
        ordinary = [app for app in apps if app["app_label"] not in TECHNICAL_APPS]
        if not request.user.is_superuser:
            return ordinary
        technical = [app for app in apps if app["app_label"] in TECHNICAL_APPS]
        if not technical:
            return ordinary
        models = [model for app in technical for model in app["models"]]
        for model in models:
            model["name"] = TECHNICAL_MODEL_NAMES.get(model["object_name"], model["name"])
        group = {
            "name": _("Sign-in records (superuser only)"),
            "app_label": "sign_in_records",
            "app_url": "",
            "has_module_perms": True,
            "models": sorted(models, key=lambda model: str(model["name"])),
        }
        return [*ordinary, group]

    def __init__(self, name="admin"):
        # django-otp names its site "otpadmin"; ours keeps "admin", the name every URL uses.
        super().__init__(name)

    def get_urls(self):
        return [
            path("two-factor/", self.enrol_view, name="two_factor_setup"),
            path(
                "two-factor/backup-codes/",
                self.admin_view(self.backup_codes_view),
                name="two_factor_backup_codes",
            ),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if needs_enrolment(request.user):
            return redirect(_with_next(reverse("admin:two_factor_setup"), request))
        return super().login(request, extra_context)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def enrol_view(self, request):
        """Show the key as a QR code; the app's first code confirms it and signs the user in."""
        if request.user.is_authenticated and request.user.is_verified():
            return redirect("admin:index")
        if not needs_enrolment(request.user):
            return redirect(_with_next(reverse("admin:login"), request))
        if request.method == "POST" and "sign_out" in request.POST:
            auth.logout(request)
            return redirect("admin:login")
        form = CodeForm(request.POST if request.method == "POST" else None)
        codes = confirm_enrolment(request, form) if form.is_valid() else None
        if codes is not None:
            return self._render_codes(request, codes)
        device = two_factor.pending_device(request.user)
        return TemplateResponse(
            request,
            "admin/two_factor/setup.html",
            {
                **self.each_context(request),
                "title": _("Set up two-factor authentication"),
                "form": form,
                "qr_code": two_factor.qr_code_svg(device),
                "key": two_factor.readable_key(device),
                "next": _safe_next(request),
            },
        )

    def backup_codes_view(self, request):
        """Replace the backup codes (for example when few are left): the old ones stop working."""
        if request.method == "POST":
            codes = two_factor.replace_backup_codes(request.user)
            record_security_event("backup_codes_replaced", request=request)
            return self._render_codes(request, codes)
        return TemplateResponse(
            request,
            "admin/two_factor/backup_codes.html",
            {
                **self.each_context(request),
                "title": _("Backup codes"),
                "left": two_factor.backup_codes_left(request.user),
            },
        )

    def _render_codes(self, request, codes):
        return TemplateResponse(
            request,
            "admin/two_factor/backup_codes.html",
            {
                **self.each_context(request),
                "title": _("Your backup codes"),
                "codes": codes,
                "continue_to": _safe_next(request) or reverse("admin:index"),
            },
        )


def _safe_next(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _with_next(url, request):
    target = _safe_next(request)
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: target})}" if target else url
