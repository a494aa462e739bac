"""The portal's forms: they validate what was typed; the services decide and save."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from conference.forms import RefusesControlCharacters
from conference.sign_in_throttle import ThrottledSignInForm
from delegations.models import Delegate, Travel
from delegations.photos import MAX_BYTES
from delegations.services import queue_password_reset
from delegations.uploads import MAX_DOCUMENT_BYTES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SignInForm(ThrottledSignInForm, AuthenticationForm):
    """E-mail and password; the user name is the address, kept in lower case."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    error_messages = {
        # One message for a wrong password and an unknown address: nothing to enumerate.
        "invalid_login": _("The e-mail address or the password is not right."),
        "inactive": _("The e-mail address or the password is not right."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class AccountForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class ResetForm(PasswordResetForm):
    """Django's reset form, sending through the outbox and only to portal accounts."""

    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.portal_accounts.exists())

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        queue_password_reset(
            context["user"],
            uid=context["uid"],
            token=context["token"],
            language=translation.get_language(),
        )


class DelegateForm(RefusesControlCharacters, forms.ModelForm):
    passport_number = forms.CharField(
        label=_("Passport number"),
        required=False,
        max_length=30,
        help_text=_("Kept encrypted; only its last four characters are shown again."),
    )
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "JPEG or PNG, at least 400 x 500 pixels, at most 5 MB, face seen from the front."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )

    class Meta:
        model = Delegate
        fields = [
            "title",
            "family_name",
            "given_names",
            "function",
            "role",
            "protocol_rank",
            "email",
            "phone",
            "nationality",
            "date_of_birth",
            "passport_expires_on",
            "dietary_needs",
            "access_needs",
        ]
        widgets = {"date_of_birth": DateInput(), "passport_expires_on": DateInput()}

    # The passport's fields together, as they are read off the passport; the photo last.
    field_order = [
        *Meta.fields[: Meta.fields.index("date_of_birth") + 1],
        "passport_number",
        "passport_expires_on",
        "photo_upload",
    ]

    def clean_photo_upload(self):
        photo = self.cleaned_data.get("photo_upload")
        if photo and photo.size > MAX_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        return photo

    def clean(self):
        cleaned = super().clean()
        has_passport = cleaned.get("passport_number") or self.instance.passport_last4
        if cleaned.get("passport_number") and not cleaned.get("date_of_birth"):
            self.add_error("date_of_birth", _("Give the date of birth with the passport number."))
        if not has_passport and cleaned.get("passport_expires_on"):
            self.add_error("passport_number", _("Give the passport number."))
        return cleaned

    def service_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CredentialsForm(forms.Form):
    document = forms.FileField(
        label=_("Note verbale or credentials letter (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("The document is larger than 10 MB."))
        return document


class TravelForm(RefusesControlCharacters, forms.ModelForm):
    class Meta:
        model = Travel
        fields = [
            "arrives_at",
            "arrival_flight",
            "arrival_airport",
            "departs_at",
            "departure_flight",
            "departure_airport",
            "hotel",
            "transfer",
        ]
        widgets = {"arrives_at": DateTimeInput(), "departs_at": DateTimeInput()}

    def clean(self):
        cleaned = super().clean()
        arrives, departs = cleaned.get("arrives_at"), cleaned.get("departs_at")
        if arrives and departs and departs <= arrives:
            self.add_error("departs_at", _("The departure must come after the arrival."))
        return cleaned


class PlaceForm(forms.Form):
    delegate = forms.ModelChoiceField(queryset=Delegate.objects.none(), label=_("Delegate"))

    def __init__(self, *args, delegation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = delegation.delegates.all()
