"""The public status page of the Convention gives its title in the reader's language (the UN's
titles, locale/GLOSSARY.md), else in English as typed: never in a third language."""

import datetime as dt
import html

import pytest

from conference.models import Convention
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db

SPANISH = "Convención de las Naciones Unidas contra la Ciberdelincuencia; Fortalecimiento"


@pytest.fixture
def convention():
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime; Strengthening",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
        translations={
            "es": {"title": SPANISH, "short_title": "Convención de Hanói"},
            "fr": {"short_title": "Convention de Hanoï"},
        },
    )
    ConferenceFactory(slug="hanoi2025", convention=convention, languages=["en", "es"])
    return convention


def _page(client, language):
    response = client.get("/convention/hanoi2025/", HTTP_ACCEPT_LANGUAGE=language)
    return html.unescape(response.content.decode())


def test_the_status_page_gives_the_title_in_the_readers_language(client, convention):
    page = _page(client, "es")

    assert f"<h1>{SPANISH}</h1>" in page
    assert "<title>Convención de Hanói:" in page


def test_a_language_without_the_full_title_reads_its_short_title_then_the_english_full_one(
    client, convention
):
    page = _page(client, "fr")

    assert "<h1>Convention de Hanoï</h1>" in page
    # The full title as adopted, marked as English; never the Spanish of the conference's list.
    assert f'<p class="full-title" lang="en" dir="ltr">{convention.title}</p>' in page
    assert SPANISH not in page
    assert "<title>Convention de Hanoï:" in page


def test_a_language_with_the_full_title_reads_it_alone(client, convention):
    for language, title in (("es", SPANISH), ("en", convention.title)):
        page = _page(client, language)

        assert f"<h1>{title}</h1>" in page
        assert 'class="full-title"' not in page


def test_the_register_in_json_gives_the_title_in_the_language_asked(client, convention):
    url = "/api/v1/conferences/hanoi2025/convention/"

    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()

    assert spanish["title"] == SPANISH
    assert french["title"] == convention.title


def test_the_status_page_lets_the_reader_choose_the_language(client, convention):
    page = _page(client, "en")

    assert '<form class="languages" action="/i18n/setlang/" method="post">' in page
    client.post("/i18n/setlang/", {"language": "ar", "next": "/convention/hanoi2025/"})
    assert '<html lang="ar" dir="rtl">' in client.get("/convention/hanoi2025/").content.decode()
