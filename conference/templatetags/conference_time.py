"""`{% conference_time_label %}`: "Hanoi time, UTC+7" on a page about a conference, else ""."""

from django import template

from conference.local_time import active_time_label

register = template.Library()


@register.simple_tag
def conference_time_label():
    return active_time_label()
