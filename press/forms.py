from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from conference.forms import RefusesControlCharacters
from delegations.enums import MediaRole


class MediaApplicationForm(RefusesControlCharacters, forms.Form):
    outlet_name = forms.CharField(label=_("Media outlet"), max_length=200)
    # Callables: the names are listed, and sorted, in the language of each request; a list
    # built here would keep the English of the moment the module was imported.
    outlet_country = LazyTypedChoiceField(
        label=_("Country of the outlet"),
        choices=lambda: [("", "---------"), *countries],
        required=False,
    )
    role = forms.ChoiceField(label=_("Role"), choices=MediaRole.choices)
    given_names = forms.CharField(label=_("Given names"), max_length=150)
    family_name = forms.CharField(label=_("Family name"), max_length=150)
    nationality = LazyTypedChoiceField(label=_("Nationality"), choices=lambda: list(countries))
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("To follow your application on this site."),
    )
    press_card_number = forms.CharField(label=_("Press card number"), max_length=60)
    press_card = forms.FileField(label=_("Press card (PDF)"))
    photo = forms.FileField(label=_("Photo (JPEG or PNG)"))
    equipment = forms.CharField(
        label=_("Equipment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Cameras, tripods, satellite equipment..."),
    )
