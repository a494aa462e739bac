"""A list of names reads as the reader's language writes one: the Arabic comma in Arabic, the
enumeration comma in Chinese, a comma in the others; in the pages' filter as in the documents."""

import pytest
from django.template import Context, Template
from django.utils import translation

from conference.text import joined

HOTELS = ["Hilton Hanoi Opera", "Sofitel Legend Metropole", "<Lotte>"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "Hilton Hanoi Opera، Sofitel Legend Metropole، <Lotte>"),
        ("zh-hans", "Hilton Hanoi Opera、Sofitel Legend Metropole、<Lotte>"),
        ("fr", "Hilton Hanoi Opera, Sofitel Legend Metropole, <Lotte>"),
        ("en", "Hilton Hanoi Opera, Sofitel Legend Metropole, <Lotte>"),
    ],
)
def test_names_are_joined_with_the_languages_own_separator(language, expected):
    with translation.override(language):
        assert joined(HOTELS) == expected


def test_the_template_filter_joins_in_the_readers_language_and_escapes():
    template = Template('{% load content_language %}{{ hotels|joined|default:"-" }}')

    with translation.override("ar"):
        page = template.render(Context({"hotels": HOTELS}))
        nothing = template.render(Context({"hotels": []}))

    assert page == "Hilton Hanoi Opera، Sofitel Legend Metropole، &lt;Lotte&gt;"
    assert nothing == "-"
