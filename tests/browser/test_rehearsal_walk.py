"""A focal point walks the demo's illustrative rehearsal on today's date, in a real browser: from
the invitation e-mail to a submitted delegation, in French, Vietnamese, Arabic and Chinese, and
sees no word of the portal's English on any page."""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from PIL import Image

from delegations.models import Delegation
from delegations.services import invite_delegations
from sessions.demo.rehearsal import load_rehearsal_demo
from tests.pdfs import pdf_bytes
from tests.portal.support import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"http://[^\s]+(/portal/invitation/[A-Za-z0-9_-]+/)")

# The portal's own words met on the way: none may show in English to a French or Vietnamese
# reader (the conference's name and the people's are data, not the portal's words).
PORTAL_WORDS = [
    "Overview",
    "Delegates",
    "Sessions",
    "Travel",
    "Bilaterals",
    "Sign out",
    "Language",
    "Change",
    "Invitation addressed to",
    "Please answer by",
    "Accept the invitation",
    "Decline",
    "Create your account",
    "Before you submit",
    "Submit for accreditation",
    "Registration closes",
    "Roundtables",
    "General debate",
    "Reserve a place",
    "Ask to speak",
    "Missing",
    "Save",
    "Times in",
    "time, UTC",
]


def _in(language, text):
    with translation.override(language):
        return translation.gettext(text)


def _only_in(page, language):
    text = page.inner_text("body")
    english = [
        word
        for word in PORTAL_WORDS
        if _in(language, word) != word and re.search(rf"\b{re.escape(word)}\b", text)
    ]
    assert english == [], f"English on {page.url}: {english}"


@pytest.fixture
def files(tmp_path):
    photo = tmp_path / "passport-photo.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (600, 750), (190, 170, 150)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    note = tmp_path / "note-verbale.pdf"
    note.write_bytes(pdf_bytes())
    return {"photo": photo, "note": note}


@pytest.mark.parametrize(
    ("country", "language", "locale"),
    [
        ("FR", "fr", "fr-FR"),
        ("VN", "vi", "vi-VN"),
        ("SA", "ar", "ar-SA"),
        ("CN", "zh-hans", "zh-CN"),
    ],
    ids=["french", "vietnamese", "arabic", "chinese"],
)
def test_a_focal_point_walks_the_rehearsal_today_in_one_language(
    open_page, live_server, files, screenshot, country, language, locale
):
    rehearsal, _report = load_rehearsal_demo()  # today's date: no clock is moved
    assert rehearsal.reply_deadline > timezone.now()
    delegation = Delegation.objects.get(conference=rehearsal, country=country)
    invite_delegations(rehearsal, delegations=[delegation])
    (message,) = [m for m in mail.outbox if delegation.focal_point_email in m.to]
    # A browser set to another language than the delegation's still reads the delegation's.
    page = open_page(locale="en-GB")

    page.goto(live_server.url + LINK.search(message.body).group(1))
    assert page.locator("html").get_attribute("lang") == language
    # The rehearsal says it is one, in the delegation's language, with the conference's name.
    marker = _in(language, "Rehearsal (illustrative, not a real event): %(name)s")
    assert marker.split("%(name)s")[0].strip(" :") in page.inner_text("body")
    assert rehearsal.localized_name(language) in page.inner_text("body")
    assert "Rehearsal (illustrative" not in page.inner_text("body")
    _only_in(page, language)
    screenshot(page, "1-invitation")
    page.click("button[name=answer][value=accept]")

    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    _only_in(page, language)
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/dashboard/")
    _only_in(page, language)
    # The city of every time label and of the venue, in the reader's own script.
    assert rehearsal.localized_city(language) in page.inner_text("body")
    if language in ("ar", "zh-hans"):
        assert "Hanoi" not in page.inner_text("body")
    screenshot(page, "2-dashboard")

    page.goto(live_server.url + "/portal/delegates/new/")
    page.fill("#id_family_name", "EXEMPLE")
    page.fill("#id_given_names", "Camille")
    page.fill("#id_function", "Ambassador")
    page.select_option("#id_role", "head")
    page.select_option("#id_protocol_rank", "ambassador")
    page.select_option("#id_nationality", country)
    page.fill("#id_date_of_birth", "1971-03-02")
    page.fill("#id_passport_number", "18XX 77231")
    page.set_input_files("#id_photo_upload", files["photo"])
    _only_in(page, language)
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/delegates/")
    _only_in(page, language)

    page.goto(live_server.url + "/portal/documents/")
    page.set_input_files("#id_document", files["note"])
    page.click("main button[type=submit]")
    _only_in(page, language)

    page.goto(live_server.url + "/portal/programme/")
    page.click("article.session button[type=submit]")
    assert _in(language, "The place is confirmed.") in page.content()
    _only_in(page, language)
    screenshot(page, "3-programme")

    page.goto(live_server.url + "/portal/travel/")
    _only_in(page, language)
    page.click("text=EXEMPLE")
    _only_in(page, language)
    day = rehearsal.start_date.isoformat()
    page.fill("#id_arrives_at", f"{day}T06:30")
    page.fill("#id_arrival_flight", "VN 18")
    page.fill("#id_departs_at", f"{rehearsal.end_date.isoformat()}T23:15")
    page.fill("#id_hotel", "Hanoi Hotel")
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/travel/")
    _only_in(page, language)

    page.goto(live_server.url + "/portal/dashboard/")
    page.click("form[action$='/portal/submit/'] button")
    submitted = (
        "The registration is submitted for accreditation. A confirmation has been sent by e-mail."
    )
    assert _in(language, submitted) in page.content()
    _only_in(page, language)
    screenshot(page, "4-submitted")
    assert Delegation.objects.get(pk=delegation.pk).status == "registered"
