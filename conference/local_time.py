"""The conference's own time: every page shows and reads dates and times in the timezone of the
conference it is about, and says which ("Hanoi time, UTC+7").

`conference_time(conference)` activates that timezone (Django's forms then read what is typed in
it, and templates show it) and keeps the label for the widgets and pages that print it. The
console's middleware (config/middleware.py), the portal and check-in use it.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, time

from babel.dates import format_skeleton, format_time, get_datetime_format
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, to_locale

from conference.models import Conference

_current_label: ContextVar[str] = ContextVar("conference_time_label", default="")


# How a language joins the weekday to its long date; the date itself is the language's own
# DATE_FORMAT, which declines the month in Russian ("25 октября"), says "de" ("25 de octubre de
# 2025") and writes 年月日 ("2025年10月25日"), where one fixed pattern got all three wrong.
_WEEKDAY_AND_DATE = {
    "zh-hans": "{date}{weekday}",
    "vi": "{weekday}, {date}",
    "ru": "{weekday}, {date}",
}


def long_date(value) -> str:
    """ "Saturday 25 October 2025", as the reader's language writes it."""
    pattern = _WEEKDAY_AND_DATE.get(get_language(), "{weekday} {date}")
    date = formats.date_format(value, "DATE_FORMAT")
    if get_language() == "vi":  # "Thứ 7, ngày 25 tháng 10 năm 2025": lower case after the comma
        date = date[:1].lower() + date[1:]
    return pattern.format(weekday=formats.date_format(value, "l"), date=date)


# The reader's language as Babel's locale: English is written the British way here, as its
# DATE_FORMAT is (config/formats/en), and Babel's bare "en" is American ("Sat, Oct 25").
_BABEL_LOCALES = {"en": "en_GB"}


def _babel_locale() -> str:
    language = get_language() or "en"
    return _BABEL_LOCALES.get(language, to_locale(language))


def short_date(value) -> str:
    """ "Sat 25 Oct" as the reader's language writes a weekday, day and month: "sam. 25 oct.",
    "10月25日周六", "السبت، 25 أكتوبر" (CLDR's, through Babel), where Django's "D j M" strung
    the parts in English order. A moment is written as it is: in its own timezone (the
    template filters turn it into the conference's first, as Django's `date` does)."""
    return format_skeleton("MMMEd", value, locale=_babel_locale())


def short_date_time(value) -> str:
    """ "Sat 25 Oct, 10:30": `short_date` and the 24-hour time, joined as the language joins
    them ("10月25日周六 10:30"; in Vietnamese the time comes first)."""
    locale = _babel_locale()
    return get_datetime_format("medium", locale=locale).format(
        format_time(value, "HH:mm", locale=locale), short_date(value)
    )


def medium_date(value) -> str:
    """ "25 Oct 2025" as the reader's language abbreviates a date: "2025年10月25日",
    "25 thg 10, 2025" (tests/conference/test_long_dates.py has the seven)."""
    return format_skeleton("yMMMd", value, locale=_babel_locale())


def utc_offset(conference) -> str:
    """The offset on the conference's first day, as people write it: "+7", "+5:30", "-3"."""
    moment = datetime.combine(conference.start_date, time(12), tzinfo=conference.tzinfo)
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}" if rest else f"{sign}{hours}"


def time_label(conference) -> str:
    """ "Hanoi time, UTC+7": the conference's city and its offset, in the reader's language."""
    return gettext("%(city)s time, UTC%(offset)s") % {
        "city": conference.localized_city(get_language()),
        "offset": utc_offset(conference),
    }


def current_time_label() -> str:
    """The label of the conference whose time is active, or "UTC" when none is."""
    return _current_label.get() or gettext("UTC")


def active_time_label() -> str:
    """The label of the conference whose time is active, or "" when none is."""
    return _current_label.get()


@contextmanager
def conference_time(conference):
    """Show and read times in `conference`'s timezone inside the block (None: UTC, labelled)."""
    if conference is None:
        token = _current_label.set("")
        try:
            with timezone.override(UTC):
                yield
        finally:
            _current_label.reset(token)
        return
    token = _current_label.set(time_label(conference))
    try:
        with timezone.override(conference.tzinfo):
            yield
    finally:
        _current_label.reset(token)


def conference_path(model, depth: int = 3) -> str | None:
    """The lookup from `model` to its Conference through foreign keys ("session__conference"),
    the shortest one found, or None. A model is bound to a conference through its own field or
    through what it hangs on (a bilateral's delegations, a badge's delegate...)."""
    if model is Conference:
        return ""
    frontier = [(model, "")]
    for _level in range(depth):
        following = []
        for current, prefix in frontier:
            for field in current._meta.get_fields():
                if not isinstance(field, models.ForeignKey | models.OneToOneField):
                    continue
                if field.auto_created and not field.concrete:
                    continue
                lookup = f"{prefix}{field.name}"
                if field.related_model is Conference:
                    return lookup
                following.append((field.related_model, f"{lookup}__"))
        frontier = following
    return None


def conference_of(instance):
    """The Conference `instance` belongs to, or None (a venue, a user...)."""
    path = conference_path(type(instance))
    if path is None:
        return None
    if path == "":
        return instance
    value = instance
    for name in path.split("__"):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def default_conference():
    """The conference the console speaks of when a page is about none in particular (a list, a
    new object): the next one to end from today, else the latest one."""
    today = timezone.localdate(timezone=UTC)
    upcoming = Conference.objects.filter(end_date__gte=today).order_by("start_date").first()
    return upcoming or Conference.objects.order_by("-end_date").first()
