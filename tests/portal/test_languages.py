"""The seven languages of the conference (the six of the United Nations and Vietnamese): the
portal opens in the delegation's language, right to left in Arabic, and the switcher offers each
language in its own name."""

import re
import unicodedata

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import DelegationFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db


def _html_tag(page):
    return re.search(r"<html [^>]*>", page).group(0)


def test_portal_page_in_arabic_is_right_to_left(client, invite):
    signed_in_focal_point(client, invite, language="ar")

    page = client.get(reverse("portal:dashboard")).content.decode()

    assert _html_tag(page) == '<html lang="ar" dir="rtl">'


def test_portal_page_in_english_is_left_to_right(client, invite):
    signed_in_focal_point(client, invite, language="en")

    page = client.get(reverse("portal:dashboard")).content.decode()

    assert _html_tag(page) == '<html lang="en" dir="ltr">'


def test_portal_opens_in_chinese_for_a_delegation_corresponding_in_chinese(client, invite):
    signed_in_focal_point(client, invite, language="zh-hans")

    page = client.get(reverse("portal:dashboard")).content.decode()

    assert _html_tag(page) == '<html lang="zh-hans" dir="ltr">'


def test_the_page_to_choose_a_delegation_is_in_the_delegations_language(client, invite):
    delegation = signed_in_focal_point(client, invite, language="zh-hans")
    conference = delegation.conference
    conference.translations = {"zh-hans": {"name": "签署仪式"}}
    conference.save()

    page = client.get(reverse("portal:choose-delegation")).content.decode()

    assert _html_tag(page) == '<html lang="zh-hans" dir="ltr">'
    assert "签署仪式" in page
    assert "Choose a delegation" not in page


def test_sign_in_page_in_arabic_from_the_switcher_is_right_to_left(client):
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})

    page = client.get(reverse("portal:sign-in")).content.decode()

    assert _html_tag(page) == '<html lang="ar" dir="rtl">'


def test_language_switcher_lists_the_seven_languages_in_their_own_names(client):
    page = client.get(reverse("portal:sign-in")).content.decode()

    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', page)
    # Django writes some names decomposed (Tiếng Việt); compare the letters, not their encoding.
    assert [(code, unicodedata.normalize("NFC", name)) for code, name in options] == [
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
        ("en", "English"),
        ("es", "español"),
        ("fr", "français"),
        ("ru", "Русский"),
        ("vi", "Tiếng Việt"),
    ]


@pytest.mark.parametrize("language", ["ar", "zh-hans", "es", "ru"])
def test_delegation_may_correspond_in_each_un_language(language):
    delegation = DelegationFactory(language=language)

    delegation.full_clean()


def test_invitation_in_arabic_is_written_in_arabic_right_to_left(invite):
    invite(DelegationFactory(language="ar"))

    message = mail.outbox[-1]
    assert message.subject.startswith("دعوة: ")
    html = message.alternatives[0][0]
    assert _html_tag(html) == '<html lang="ar" dir="rtl">'


def test_overview_in_chinese_shows_the_checklist_translated(client, invite):
    signed_in_focal_point(client, invite, language="zh-hans")

    page = client.get(reverse("portal:dashboard")).content.decode()

    assert '<h2 id="checklist-title">提交前</h2>' in page
    assert "普通照会或全权证书函" in page
