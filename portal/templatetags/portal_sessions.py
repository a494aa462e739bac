"""A session's title and description in the reader's language, from its translations (as the
feeds give them), else the original."""

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def localized_title(session):
    return session.localized(translation.get_language())[0]


@register.filter
def localized_description(session):
    return session.localized(translation.get_language())[1]
