"""`{% conference_time_label %}`: "Hanoi time, UTC+7" on a page about a conference, else "";
`{{ conference|time_label }}`: the same label of a given conference, in the reader's language;
`{{ moment|short_date }}`, `|short_date_time`, `|medium_date`, `|long_date`: a date as the reader's
language writes it (conference/local_time.py), in the conference's time."""

from django import template

from conference import local_time

register = template.Library()


@register.simple_tag
def conference_time_label():
    return local_time.active_time_label()


@register.filter
def time_label(conference):
    return local_time.time_label(conference)


@register.filter(expects_localtime=True)
def short_date(value):
    return local_time.short_date(value) if value else ""


@register.filter(expects_localtime=True)
def short_date_time(value):
    return local_time.short_date_time(value) if value else ""


@register.filter(expects_localtime=True)
def medium_date(value):
    return local_time.medium_date(value) if value else ""


@register.filter(expects_localtime=True)
def long_date(value):
    return local_time.long_date(value) if value else ""
