"""The e-mails in each language that has its own templates: the same messages as English, saying
the same things (every value English prints, under the same conditions), and each renders."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from delegations.emails import MESSAGE_LANGUAGES, message_language, render_message, template_name
from tests.factories import HANOI, ConferenceFactory, DelegationFactory

ENGLISH = sorted(
    path.stem
    for path in Path(get_template(template_name("invitation", "en")).origin.name).parent.glob(
        "*.txt"
    )
)
TRANSLATED = [language for language in MESSAGE_LANGUAGES if language != "en"]
VALUE = re.compile(r"\{\{\s*([\w.]+)")
TAG = re.compile(r"\{%\s*(.*?)\s*%\}")


# French names a delegation with its article ("{{ other|fr_de }}": "du Sénégal"), which prints
# the display name English prints ("{{ other.display_name }}"); its filters are loaded first.
FRENCH_NAME = re.compile(r"\{\{\s*([\w.]+)\|fr_\w+")
LOAD = re.compile(r"\{%\s*load\b[^%]*%\}")


def _source(name, language):
    source = get_template(template_name(name, language)).template.source
    return FRENCH_NAME.sub(r"{{ \1.display_name", LOAD.sub("", source))


def test_the_un_languages_and_the_hosts_have_their_own_emails():
    assert set(MESSAGE_LANGUAGES) == {code for code, _name in settings.LANGUAGES}
    assert message_language("ru") == "ru"
    assert message_language("de") == "en"


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_language_has_every_message_printing_what_english_prints(language):
    differences = []
    for name in ENGLISH:
        english, translated = _source(name, "en"), _source(name, language)
        if set(VALUE.findall(translated)) != set(VALUE.findall(english)):
            differences.append(
                f"{name}: values {set(VALUE.findall(translated)) ^ set(VALUE.findall(english))}"
            )
        if TAG.findall(translated) != TAG.findall(english):
            differences.append(f"{name}: conditions differ")

    assert differences == []


@pytest.fixture
def message_context(db):
    # Not named `context`: pytest-playwright's fixture of that name would make these browser tests.
    conference = ConferenceFactory()
    return {
        "conference": conference,
        "delegation": DelegationFactory.build(conference=conference),
        "deadline": dt.datetime(2025, 10, 6, 17, 0, tzinfo=HANOI),
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_message_renders_in_its_language_with_a_subject_and_a_body(message_context, language):
    for name in ENGLISH:
        message = render_message(name, language=language, context=message_context)

        assert message.language == language, name
        assert message.subject, name
        assert message.text, name
        assert "{" not in message.subject + message.text, name


@pytest.mark.parametrize(
    ("language", "written"),
    [("es", "6 de octubre de 2025, 17:00"), ("ru", "6 октября 2025 г., 17:00")],  # noqa: RUF001 (Russian)
)
def test_dates_are_written_as_the_language_writes_them(message_context, language, written):
    message = render_message("reminder", language=language, context=message_context)

    assert written in message.text
