"""`{% conference_time_label %}`: "Hanoi time, UTC+7" on a page about a conference, else "";
`{{ conference|time_label }}`: the same label of a given conference, in the reader's language."""

from django import template

from conference import local_time

register = template.Library()


@register.simple_tag
def conference_time_label():
    return local_time.active_time_label()


@register.filter
def time_label(conference):
    return local_time.time_label(conference)
