"""Organisers' content in the reader's language (conference.translations.localized):
`{{ conference|conference_name }}`, `{{ conference|conference_city }}`,
`{{ conference|venue_name }}`, `{{ room|room_name:conference }}` (the conference gives the
fallback order), `{{ convention|convention_title }}`, `{{ convention|convention_short_title }}`."""

from django import template
from django.utils import translation

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
def conference_city(conference):
    if not conference:
        return ""
    return conference.localized_city(translation.get_language())


@register.filter
def venue_name(conference):
    if not conference:
        return ""
    return conference.venue.localized_name(translation.get_language(), conference.languages)


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
def convention_short_title(convention):
    if not convention:
        return ""
    return convention.localized_short_title(translation.get_language())
