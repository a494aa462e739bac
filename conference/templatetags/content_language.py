"""Organisers' content in the reader's language (conference.translations.localized):
`{{ conference|conference_name }}`, `{{ conference|venue_name }}`, `{{ conference|city_name }}`,
`{{ room|room_name:conference }}` (the conference gives the fallback order),
`{{ convention|convention_title }}`, `{{ convention|convention_short_title }}`,
`{{ session|session_title }}` (a session of the programme); `{{ names|joined }}`, a list of names
joined as the reader's language joins them ("، " in Arabic, "、" in Chinese)."""

from django import template
from django.utils import translation

from conference import text

register = template.Library()


@register.filter
def conference_name(conference):
    if not conference:
        return ""
    return conference.localized_name(translation.get_language())


@register.filter
def conference_theme(conference):
    if not conference:
        return ""
    return conference.localized_theme(translation.get_language())


@register.filter
def venue_name(conference):
    """The conference's venue, in the conference's fallback order."""
    if not conference:
        return ""
    return conference.localized_venue_name(translation.get_language())


@register.filter
def city_name(conference):
    """The conference's city as the reader's language writes it."""
    if not conference:
        return ""
    return conference.localized_city(translation.get_language())


@register.filter
def room_name(room, conference=None):
    if not room:
        return ""
    return room.localized_name(
        translation.get_language(), conference.languages if conference else ()
    )


@register.filter
def convention_title(convention):
    if not convention:
        return ""
    return convention.localized_title(translation.get_language())


@register.filter
def has_title_in_reader_language(convention):
    return bool(convention) and convention.has_title_in(translation.get_language())


@register.filter
def convention_short_title(convention):
    if not convention:
        return ""
    return convention.localized_short_title(translation.get_language())


@register.filter
def session_title(session):
    """A session's title in the reader's language, else in its conference's languages."""
    if not session:
        return ""
    return session.localized(translation.get_language())[0]


@register.filter
def joined(names):
    """The names as one list in the reader's language (conference.text.joined); escaped where
    the page is, as the names are plain text."""
    return text.joined(names or ())
