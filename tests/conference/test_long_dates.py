"""A long date as each language writes it, where one fixed pattern ("l j F Y") gave "25 Октябрь"
in Russian, "25 octubre 2025" in Spanish and "星期六 25 十月 2025" in Chinese."""

import datetime as dt

import pytest
from django.utils import translation

from conference.local_time import long_date

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
