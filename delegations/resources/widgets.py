"""How a spreadsheet cell becomes a value: lenient about what people type, strict about meaning.

A widget raises `ValueError` for a cell it cannot read; django-import-export reports it against
the row and the column, which is what the preview lists.
"""

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import widgets


def cell_text(value) -> str:
    """Spreadsheets give None for an empty cell and numbers for digits; CSV gives strings."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)


class ChoiceWidget(widgets.Widget):
    """A choice by its code (`member_state`) or its label, in English or the reader's language;
    exported as the label, which re-imports."""

    def __init__(self, choices, *, what, default=None):
        super().__init__()
        self.choices = list(choices)
        self.what = what
        self.default = default
        self._labels = {}  # (language, code) -> label

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            if self.default is None:
                raise ValueError(_("Give the %(what)s.") % {"what": self.what})
            return self.default
        wanted = _simplified(text)
        for code, label in self.choices:
            if wanted in (_simplified(code), _simplified(label), _english(label)):
                return code
        raise ValueError(
            _("Unknown %(what)s “%(value)s”: use one of %(known)s.")
            % {
                "what": self.what,
                "value": text,
                "known": ", ".join(str(code) for code, _label in self.choices),
            }
        )

    def render(self, value, obj=None, **kwargs):
        """The label, translated once per language and code: translating it again for each of
        100,000 rows took a quarter of the export job's time (bench/large_conference.py)."""
        key = (translation.get_language(), value)
        if key not in self._labels:
            self._labels[key] = str(dict(self.choices).get(value, value or ""))
        return self._labels[key]


class CountryWidget(widgets.Widget):
    """A State by its ISO code (FR, FRA, 250) or its name as the United Nations write it
    (settings.COUNTRIES_OVERRIDE holds the UN short names)."""

    def __init__(self, *, required=False):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            if self.required:
                raise ValueError(_("Give the State."))
            return ""
        code = countries.alpha2(text) or countries.by_name(text)
        if not code:
            raise ValueError(
                _("Unknown country “%(value)s”: use its ISO code or its United Nations name.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


class DateWidget(widgets.Widget):
    """ISO dates (1970-05-31) or day/month/year, as the Secretariat writes them; spreadsheet
    dates arrive as datetimes and are kept as dates (the passport fingerprint hashes the date)."""

    FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        for pattern in self.FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(
            _("Unreadable date “%(value)s”: write it as 1970-05-31.") % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return value.isoformat() if value else ""


def _simplified(text) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").lower().split())


def _english(label) -> str:
    with translation.override("en"):
        return _simplified(label)
