"""Organisers' content in each language, as one console field per language and per translated
text, stored in the row's `translations` JSONField ({"fr": {"name": ...}}) that
`conference.translations.localized` reads.

What the form does not show stays as it was: a language outside settings.LANGUAGES, or a key the
form does not edit, is kept. A field left blank drops its key (and a language left with nothing
is dropped), so the pages fall back to the conference's languages, then to the original.
"""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from conference.text import has_control_characters


def _no_control_characters(value):
    if has_control_characters(value):
        raise forms.ValidationError(
            _("Remove the control characters (invisible characters that are not text)."),
            code="control_characters",
        )


def field_name(language: str, key: str) -> str:
    """translation_zh_hans_name: a form field's name for `key` in `language`."""
    return f"translation_{language.replace('-', '_')}_{key}"


NAME_LABEL = _("Name (%(language)s)")


def _label(text, language_name):
    # Built when the page is shown, in the reader's language (the fields are made at import).
    return lazy(lambda: str(text) % {"language": language_name}, str)()


class TranslatedFieldsMixin(forms.BaseForm):
    """Reads and writes `instance.<store>` from one field per language and per key of
    `translated_keys` ({key: (label with %(language)s, max_length, or None for a text of any
    length, typed in a text area)}); `store` is the model's JSONField, left out of the form."""

    translated_keys: dict = {}
    # Fields of the subclass that write into `translations` themselves (a French article).
    translated_extra_fields: tuple = ()
    store = "translations"

    @classmethod
    def translated_field_names(cls) -> list[str]:
        return [
            field_name(code, key)
            for code, _name in settings.LANGUAGES
            for key in cls.translated_keys
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = getattr(self.instance, self.store) or {}
        for code, _name in settings.LANGUAGES:
            entry = stored.get(code) if isinstance(stored.get(code), dict) else {}
            for key in self.translated_keys:
                self.initial.setdefault(field_name(code, key), entry.get(key, ""))

    def _post_clean(self):
        # Before the model's own validation, so that the instance carries what was typed.
        translations = dict(getattr(self.instance, self.store) or {})
        for code, _name in settings.LANGUAGES:
            entry = translations.get(code)
            entry = dict(entry) if isinstance(entry, dict) else {}
            for key in self.translated_keys:
                value = self.cleaned_data.get(field_name(code, key), "")
                if value:
                    entry[key] = value
                else:
                    entry.pop(key, None)
            if entry:
                translations[code] = entry
            else:
                translations.pop(code, None)
        setattr(self.instance, self.store, translations)
        self.cleaned_data[self.store] = translations
        super()._post_clean()

    def model_values(self, names) -> dict:
        """The cleaned values of the model's fields among `names` (form field names, such as
        `changed_data`), the per-language fields gathered into the model's `translations`."""
        translated = set(self.translated_field_names()) | set(self.translated_extra_fields)
        values = {name: self.cleaned_data[name] for name in names if name not in translated}
        if translated & set(names):
            values[self.store] = self.cleaned_data[self.store]
        return values


def typed_fields(model, *left_out) -> list[str]:
    """The fields of `model` an organiser types in the console, less `translations` (written by
    the per-language fields) and `left_out` (fields other form fields write)."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.name not in ("translations", *left_out)
    ]


def with_translated_fields(form_class):
    """`form_class` with its per-language fields declared (the console's fieldsets list the
    form's declared fields)."""
    fields = {}
    for code, name in settings.LANGUAGES:
        for key, (label, max_length) in form_class.translated_keys.items():
            fields[field_name(code, key)] = forms.CharField(
                label=_label(label, name),
                max_length=max_length,
                required=False,
                validators=[_no_control_characters],
                widget=forms.Textarea(attrs={"rows": 3}) if max_length is None else None,
            )
    return type(form_class.__name__, (form_class,), fields)


def translated_fieldsets(admin_page, request, obj, form_class, title, description, extra=()):
    """The page's own fields, then the per-language ones, one line per language (and `extra`
    fields of the same section)."""
    translated = form_class.translated_field_names()
    shown_apart = {*translated, *extra}
    fields = [name for name in admin_page.get_fields(request, obj) if name not in shown_apart]
    width = len(form_class.translated_keys)
    lines = [translated[n : n + width] for n in range(0, len(translated), width)] + list(extra)
    return [(None, {"fields": fields}), (title, {"fields": lines, "description": description})]
