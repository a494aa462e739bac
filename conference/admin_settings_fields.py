"""A conference's settings as an organiser types them, never the JSON they are kept in: the
badges a delegation may hold and the access zones each badge category opens, one field per
category; the languages and the reminders' days as short lists ("en, fr, vi"; "14, 7, 2").

The badge categories are the delegations' (a floor above this one), which register them when
they start (`register_badge_categories`). The console's site loads the admin modules before that
(it is the first app), so the fields are made when a page asks for the form, not at import.
"""

import re

from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from conference.models import AccessZone

_CATEGORIES: dict[str, str] = {}

QUOTA_LABEL = _("Badges per delegation: %(category)s")
ZONES_LABEL = _("Zones opened: %(category)s")
STORED = ("delegation_quotas", "badge_zones", "languages", "reminder_days")


def register_badge_categories(choices) -> None:
    """Called by the delegations at start with their badge categories (code, label)."""
    for code, label in choices:
        _CATEGORIES[code] = label


def quota_field(code: str) -> str:
    return f"quota_{code}"


def zones_field(code: str) -> str:
    return f"zones_{code}"


def _label(text, category):
    # Built when the page is shown, in the reader's language.
    return lazy(lambda: str(text) % {"category": category}, str)()


def _short_list(value: list) -> str:
    return ", ".join(str(item) for item in value or [])


def _split(text: str) -> list[str]:
    # Commas as each language writes them: Arabic, ideographic and full-width ones too.
    return [part for part in re.split(r"[\s,;\u060c\u3001\uff0c\uff1b]+", text or "") if part]


class SettingsFieldsMixin(forms.BaseForm):
    """Reads and writes the conference's quotas, zones, languages and reminders from the fields
    `with_settings_fields` declares. A category nobody registered keeps what it had."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = self.instance
        zones = AccessZone.objects.order_by("code")
        if conference.venue_id:
            zones = zones.filter(venue_id=conference.venue_id)
        # Named in the organiser's language, as the readers' pages name them.
        language, fallback = get_language(), conference.languages or ()
        choices = {
            zone.code: f"{zone.localized_name(language, fallback)} ({zone.code})" for zone in zones
        }
        for code in _CATEGORIES:
            stored = (conference.badge_zones or {}).get(code, [])
            # A zone kept for the category stays a choice, so that saving never drops it.
            field = self.fields[zones_field(code)]
            field.choices = [*choices.items(), *((z, z) for z in stored if z not in choices)]
            self.initial.setdefault(zones_field(code), stored)
            self.initial.setdefault(
                quota_field(code), (conference.delegation_quotas or {}).get(code)
            )
        self.initial.setdefault("languages_typed", _short_list(conference.languages))
        self.initial.setdefault("reminders_typed", _short_list(conference.reminder_days))

    def clean_languages_typed(self):
        codes = [code.lower() for code in _split(self.cleaned_data["languages_typed"])]
        if not codes:
            raise forms.ValidationError(_("Give at least the working language, for example: en"))
        return list(dict.fromkeys(codes))

    def clean_reminders_typed(self):
        parts = _split(self.cleaned_data["reminders_typed"])
        if not all(part.isdigit() for part in parts):
            raise forms.ValidationError(
                _("Type whole numbers of days, separated by commas, for example: 14, 7, 2")
            )
        return sorted({int(part) for part in parts}, reverse=True)

    def _post_clean(self):
        # Before the model's own validation, so that the instance carries what was typed.
        conference, cleaned = self.instance, self.cleaned_data
        quotas = dict(conference.delegation_quotas or {})
        zones = dict(conference.badge_zones or {})
        for code in _CATEGORIES:
            quota = cleaned.get(quota_field(code))
            if quota is None:
                quotas.pop(code, None)  # no limit
            else:
                quotas[code] = quota
            zones[code] = list(cleaned.get(zones_field(code)) or [])
        conference.delegation_quotas, conference.badge_zones = quotas, zones
        if "languages_typed" in cleaned:
            conference.languages = cleaned["languages_typed"]
        if "reminders_typed" in cleaned:
            conference.reminder_days = cleaned["reminders_typed"]
        super()._post_clean()


def settings_field_names() -> list[str]:
    return [name for code in _CATEGORIES for name in (quota_field(code), zones_field(code))] + [
        "languages_typed",
        "reminders_typed",
    ]


def with_settings_fields(form_class):
    """`form_class` with one field per registered badge category, and the two short lists."""
    fields = {
        "languages_typed": forms.CharField(
            label=_("languages"),
            help_text=_(
                "Language codes separated by commas, the working language first, for example: "
                "en, fr, vi. Content not translated into the reader's language is shown in the "
                "first of these that has it."
            ),
        ),
        "reminders_typed": forms.CharField(
            label=_("reminders, days before the reply deadline"),
            required=False,
            help_text=_("For example: 14, 7, 2. Empty: no reminder."),
        ),
    }
    for code, label in _CATEGORIES.items():
        fields[quota_field(code)] = forms.IntegerField(
            label=_label(QUOTA_LABEL, label),
            min_value=0,
            required=False,
            help_text=_("Empty: no limit."),
        )
        fields[zones_field(code)] = forms.MultipleChoiceField(
            label=_label(ZONES_LABEL, label),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
    return type(form_class.__name__, (SettingsFieldsMixin, form_class), fields)
