"""The console's form of a delegation: its fields, and an organisation's name in each language
with the article its French name takes, stored in `Delegation.translations`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from conference.admin_translations import (
    NAME_LABEL,
    TranslatedFieldsMixin,
    typed_fields,
    with_translated_fields,
)
from delegations.models import Delegation

FRENCH_ARTICLES = [
    ("", _("no article")),
    ("le", "le"),
    ("la", "la"),
    ("l'", "l'"),
    ("les", "les"),
]


class DelegationForm(TranslatedFieldsMixin, forms.ModelForm):
    """An organisation's name in each language, and the article its French name takes (the
    French letters say "d'inviter l'Organisation ...", "la participation de la Ligue ...")."""

    translated_keys = {"name": (NAME_LABEL, 300)}
    translated_extra_fields = ("translation_fr_article",)

    translation_fr_article = forms.ChoiceField(
        label=_("Article of the French name"),
        choices=FRENCH_ARTICLES,
        required=False,
        help_text=_("For an organisation whose French name is given above."),
    )

    class Meta:
        model = Delegation
        # The credentials are uploaded in the portal.
        fields = typed_fields(Delegation, "credentials")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        french = (self.instance.translations or {}).get("fr")
        article = french.get("article", "") if isinstance(french, dict) else ""
        self.initial.setdefault("translation_fr_article", article)

    def _post_clean(self):
        translations = dict(self.instance.translations or {})
        french = translations.get("fr")
        french = dict(french) if isinstance(french, dict) else {}
        article = self.cleaned_data.get("translation_fr_article", "")
        if article:
            french["article"] = article
        else:
            french.pop("article", None)
        translations["fr"] = french
        self.instance.translations = translations
        super()._post_clean()


DelegationForm = with_translated_fields(DelegationForm)
