import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from conference.text import first_refused_character

# The frab schedule format takes the slug as the conference acronym, which allows no hyphen.
CONFERENCE_SLUG_PATTERN = r"^[a-z0-9]{4,}$"

validate_conference_slug = RegexValidator(
    CONFERENCE_SLUG_PATTERN,
    _("Use at least 4 lowercase letters or digits, with no hyphen (for example hanoi2025)."),
)


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not an IANA timezone name (for example Asia/Ho_Chi_Minh)."),
            params={"value": value},
        )


def validate_language_codes(value):
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise ValidationError(_('Give a list of language codes, for example ["en", "fr"].'))


def validate_quotas(value):
    if not isinstance(value, dict) or not all(
        isinstance(category, str) and isinstance(limit, int) and limit >= 0
        for category, limit in value.items()
    ):
        raise ValidationError(
            _('Give a number of badges per category, for example {"delegate": 5}.')
        )


_REFUSED_MESSAGES = {
    "control": _("Remove the invisible control character (%(code)s) from this text."),
    "direction": _(
        "Remove the character that changes the direction of the text (%(code)s): names and "
        "text in any script are shown in the right direction without it."
    ),
    "line break": _("Write this on one line."),
}


def _refuse_characters(value, *, multiline):
    if not isinstance(value, str):
        return
    refused = first_refused_character(value, multiline=multiline)
    if refused is not None:
        kind, character = refused
        raise ValidationError(
            _REFUSED_MESSAGES[kind],
            code="refused_character",
            params={"code": f"U+{ord(character):04X}"},
        )


def validate_single_line(value):
    """Typed text on one line (a name, a function, a title): no control character, no line
    break or tab, no bidirectional override (conference.text says why)."""
    _refuse_characters(value, multiline=False)


def validate_multiline_text(value):
    """Typed text in a box (topics, needs, a reason): line breaks and tabs allowed, no other
    control character, no bidirectional override."""
    _refuse_characters(value, multiline=True)
