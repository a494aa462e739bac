from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from conference.sign_in_throttle import ThrottledSignInForm


class LiaisonSignInForm(ThrottledSignInForm, AuthenticationForm):
    """E-mail and password, as in the portal; the user name is the address in lower case."""

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
