"""A long date as each language writes it, where one fixed pattern ("l j F Y") gave "25 Октябрь"
in Russian, "25 octubre 2025" in Spanish and "星期六 25 十月 2025" in Chinese; and a short one
("Sat 25 Oct"), where Django's "D j M" strung a Chinese weekday, day and month in English order."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import formats, timezone, translation

from conference.local_time import long_date, medium_date, short_date, short_date_time
from tests.factories import HANOI

SATURDAY = dt.date(2025, 10, 25)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Saturday 25 October 2025"),
        ("fr", "samedi 25 octobre 2025"),
        ("es", "sábado 25 de octubre de 2025"),
        ("ru", "Суббота, 25 октября 2025 г."),  # noqa: RUF001
        ("zh-hans", "2025年10月25日星期六"),
        ("vi", "Thứ 7, ngày 25 tháng 10 năm 2025"),
        ("ar", "السبت 25 أكتوبر، 2025"),
    ],
)
def test_a_long_date_in_each_language(language, written):
    with translation.override(language):
        assert long_date(SATURDAY) == written


SATURDAY_MORNING = dt.datetime(2025, 10, 25, 10, 30)


@pytest.mark.parametrize(
    ("language", "short", "short_with_time", "medium"),
    [
        ("en", "Sat 25 Oct", "Sat 25 Oct, 10:30", "25 Oct 2025"),
        ("fr", "sam. 25 oct.", "sam. 25 oct., 10:30", "25 oct. 2025"),
        ("es", "sáb, 25 oct", "sáb, 25 oct, 10:30", "25 oct 2025"),
        ("ru", "сб, 25 окт.", "сб, 25 окт., 10:30", "25 окт. 2025\N{NARROW NO-BREAK SPACE}г."),  # noqa: RUF001
        ("zh-hans", "10月25日周六", "10月25日周六 10:30", "2025年10月25日"),
        ("vi", "Th 7, 25 thg 10", "10:30 Th 7, 25 thg 10", "25 thg 10, 2025"),
        ("ar", "السبت، 25 أكتوبر", "السبت، 25 أكتوبر، 10:30", "25 أكتوبر 2025"),
    ],
)
def test_a_short_date_in_each_language(language, short, short_with_time, medium):
    with translation.override(language):
        assert short_date(SATURDAY_MORNING) == short
        assert short_date_time(SATURDAY_MORNING) == short_with_time
        assert medium_date(SATURDAY) == medium


def test_the_date_filters_show_a_moment_in_the_conferences_time():
    template = Template("{% load conference_time %}{{ moment|short_date_time }}")
    moment = dt.datetime(2025, 10, 25, 23, 30, tzinfo=dt.UTC)  # Sunday 06:30 in Hanoi

    with translation.override("zh-hans"), timezone.override(HANOI):
        shown = template.render(Context({"moment": moment}))

    assert shown == "10月26日周日 06:30"


def test_arabic_dates_and_times_read_day_month_year_on_a_24_hour_clock():
    evening = dt.datetime(2025, 10, 25, 18, 0)

    with translation.override("ar"):
        assert formats.date_format(evening, "DATETIME_FORMAT") == "25 أكتوبر، 2025، 18:00"
        assert formats.time_format(evening, "TIME_FORMAT") == "18:00"


def test_vietnamese_dates_read_inside_a_sentence():
    deadline = dt.datetime(2027, 1, 5, 17, 0)

    with translation.override("vi"):
        assert formats.date_format(deadline, "DATETIME_FORMAT") == "17:00 ngày 5 tháng 1 năm 2027"
        assert formats.date_format(deadline, "DATE_FORMAT") == "ngày 5 tháng 1 năm 2027"
