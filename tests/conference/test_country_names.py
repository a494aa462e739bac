"""Country names as the UN writes them, one distinct name per country in every language."""

from collections import defaultdict

import pytest
from django.conf import settings
from django.utils import translation
from django_countries import countries

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language_code", LANGUAGE_CODES)
def test_country_names_are_distinct_in_each_language(language_code):
    codes_by_name = defaultdict(list)
    with translation.override(language_code):
        for code, name in countries:
            codes_by_name[str(name)].append(code)
    assert {name: codes for name, codes in codes_by_name.items() if len(codes) > 1} == {}


@pytest.mark.parametrize(
    ("language_code", "code", "expected"),
    [
        ("en", "BS", "Bahamas"),
        ("en", "NR", "Nauru"),
        ("en", "VN", "Viet Nam"),
        ("fr", "RU", "Fédération de Russie"),
        ("fr", "NG", "Nigéria"),
        ("vi", "IS", "Ai-xơ-len"),
        ("vi", "IE", "Ai-len"),
        ("vi", "NE", "Ni-giê"),
        ("vi", "NG", "Ni-giê-ri-a"),
        ("vi", "VN", "Việt Nam"),
    ],
)
def test_country_names_are_the_un_short_names(language_code, code, expected):
    with translation.override(language_code):
        assert str(countries.name(code)) == expected
