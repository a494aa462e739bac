import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

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
