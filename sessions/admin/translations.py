"""A session's title and description in each language of the conference, as one field per
language in the console, stored in `Session.translations` ({"fr": {"title": ..., "description":
...}}) as before.

What the form does not show stays as it was: a language outside settings.LANGUAGES, or a key
other than the title and the description, is kept. A language whose two fields are left blank
is dropped, so the pages fall back to the original (`Session.localized`).
"""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from conference.text import has_control_characters

TRANSLATED = ("title", "description")
TITLE_LENGTH = 300  # as Session.title


def translation_field_name(language: str, key: str) -> str:
    return f"translation_{language}_{key}"


def translation_field_names() -> list[str]:
    return [
        translation_field_name(code, key)
        for code, _name in settings.LANGUAGES
        for key in TRANSLATED
    ]


def _no_control_characters(value):
    if has_control_characters(value):
        raise forms.ValidationError(
            _("Remove the control characters (invisible characters that are not text)."),
            code="control_characters",
        )


TITLE_LABEL = _("Title (%(language)s)")
DESCRIPTION_LABEL = _("Description (%(language)s)")


def _label(text, language_name):
    # Built when the page is shown, in the reader's language (the fields are made at import).
    return lazy(lambda: str(text) % {"language": language_name}, str)()


def _fields():
    fields = {}
    for code, name in settings.LANGUAGES:
        fields[translation_field_name(code, "title")] = forms.CharField(
            label=_label(TITLE_LABEL, name),
            max_length=TITLE_LENGTH,
            required=False,
            validators=[_no_control_characters],
        )
        fields[translation_field_name(code, "description")] = forms.CharField(
            label=_label(DESCRIPTION_LABEL, name),
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
            validators=[_no_control_characters],
        )
    return fields


class TranslationsFormMixin(forms.BaseForm):
    """Adds one title and one description field per language, read from and written back to the
    model's `translations`; the model's own field is left out of the form (`exclude`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, _name in settings.LANGUAGES:
            entry = stored.get(code) if isinstance(stored.get(code), dict) else {}
            for key in TRANSLATED:
                self.initial.setdefault(translation_field_name(code, key), entry.get(key, ""))

    def clean(self):
        cleaned = super().clean()
        translations = dict(self.instance.translations or {})
        for code, _name in settings.LANGUAGES:
            entry = translations.get(code)
            entry = dict(entry) if isinstance(entry, dict) else {}
            for key in TRANSLATED:
                value = cleaned.get(translation_field_name(code, key), "")
                if value:
                    entry[key] = value
                else:
                    entry.pop(key, None)
            if entry:
                translations[code] = entry
            else:
                translations.pop(code, None)
        cleaned["translations"] = translations
        return cleaned

    def model_values(self, names) -> dict:
        """The cleaned values of the model's fields among `names`, the per-language fields
        gathered into `translations`."""
        translated = set(translation_field_names())
        values = {name: self.cleaned_data[name] for name in names if name not in translated}
        if translated & set(names) and "translations" in self.cleaned_data:
            values["translations"] = self.cleaned_data["translations"]
        return values


def with_translation_fields(form_class):
    """`form_class` with the per-language fields declared, as the console needs them: its
    fieldsets list the form's declared fields."""
    return type(form_class.__name__, (form_class,), _fields())
