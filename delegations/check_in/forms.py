from django import forms
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from conference.selectors import venue_zone_names
from delegations import services
from delegations.models import ScanDirection


class ScannerTokenForm(forms.Form):
    token = forms.CharField(
        label=_("Scanner token"),
        max_length=100,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "autocapitalize": "off"}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"]
        self.device = services.scanner_for_token(token)
        if self.device is None:
            raise forms.ValidationError(
                _("This token belongs to no active scanner."), code="unknown_scanner"
            )
        return token


class ConferenceForm(forms.Form):
    conference = forms.ModelChoiceField(
        Conference.objects.order_by("-start_date"), label=_("Conference"), empty_label=None
    )


class ScanForm(forms.Form):
    zone = forms.ChoiceField(label=_("Zone"))
    direction = forms.ChoiceField(
        label=_("Direction"),
        choices=ScanDirection.choices,
        initial=ScanDirection.ENTRY,
        widget=forms.RadioSelect,
    )
    # A handheld reader types the code and presses Enter; the field keeps the focus for the next.
    payload = forms.CharField(
        label=_("Badge code"),
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, conference, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the guard's language, in the order of the names they read.
        names = venue_zone_names(conference)
        self.fields["zone"].choices = sorted(names.items(), key=lambda choice: choice[1])
