"""A focal point's whole way, in a real browser: from the invitation e-mail to a submitted
delegation with a photo, in English, French, Arabic (right to left) and Chinese, and on a
phone."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.core import mail
from django.utils import translation
from PIL import Image

from delegations.models import Delegation
from delegations.services import invite_delegations
from tests.browser.conftest import LOADED_WIDTH
from tests.factories import DelegationFactory, SessionFactory
from tests.pdfs import pdf_bytes
from tests.portal.support import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"http://[^\s]+(/portal/invitation/[A-Za-z0-9_-]+/)")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def before_the_deadlines():
    # The live server's thread sees the same clock: a few weeks before the conference.
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def files(tmp_path):
    photo = tmp_path / "passport-photo.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (600, 750), (190, 170, 150)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    note = tmp_path / "note-verbale.pdf"
    note.write_bytes(pdf_bytes())
    return {"photo": photo, "note": note}


def _invitation_link(delegation, live_server):
    invite_delegations(delegation.conference, delegations=[delegation])
    (message,) = [m for m in mail.outbox if delegation.focal_point_email in m.to]
    return live_server.url + LINK.search(message.body).group(1)


def _in(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize(
    ("language", "locale", "viewport"),
    [
        ("en", "en-GB", None),
        ("fr", "fr-FR", None),
        ("ar", "ar-EG", None),
        ("zh-hans", "zh-CN", None),
        ("en", "en-GB", PHONE),
    ],
    ids=["english", "french", "arabic", "chinese", "phone"],
)
def test_from_the_invitation_email_to_a_submitted_delegation(
    open_page, live_server, files, screenshot, language, locale, viewport
):
    delegation = DelegationFactory(language=language, country="FR")
    SessionFactory(
        conference=delegation.conference, state="published", capacity=3, title="Roundtable 1"
    )
    link = _invitation_link(delegation, live_server)
    page = open_page(locale=locale, viewport=viewport or {"width": 1280, "height": 900})

    page.goto(link)
    assert delegation.conference.name in page.content()
    screenshot(page, "1-invitation")
    page.click("button[name=answer][value=accept]")

    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    screenshot(page, "2-account")
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/dashboard/")
    assert _in(language, "Before you submit") in page.content()
    if language != "en":
        assert _in(language, "Before you submit") != "Before you submit"  # really translated
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, "3-dashboard")

    page.goto(live_server.url + "/portal/delegates/new/")
    page.fill("#id_family_name", "DUPONT")
    page.fill("#id_given_names", "Jeanne")
    page.fill("#id_function", "Ambassadrice")
    page.select_option("#id_role", "head")
    page.select_option("#id_protocol_rank", "ambassador")
    page.select_option("#id_nationality", "FR")
    page.fill("#id_date_of_birth", "1971-03-02")
    page.fill("#id_passport_number", "18FR 77231")
    page.set_input_files("#id_photo_upload", files["photo"])
    screenshot(page, "4-delegate")
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/delegates/")
    assert "••••7231" in page.content()
    assert page.locator("img[alt*=DUPONT]").evaluate(LOADED_WIDTH) == 600

    page.goto(live_server.url + "/portal/documents/")
    page.set_input_files("#id_document", files["note"])
    page.click("main button[type=submit]")
    assert _in(language, "Download") in page.content()

    page.goto(live_server.url + "/portal/programme/")
    page.click("article.session button[type=submit]")
    assert _in(language, "The place is confirmed.") in page.content()

    page.goto(live_server.url + "/portal/travel/")
    page.click("text=DUPONT")
    page.fill("#id_arrives_at", "2025-10-24T10:30")
    page.fill("#id_arrival_flight", "AF 198")
    page.fill("#id_departs_at", "2025-10-27T23:15")
    page.fill("#id_hotel", "Hanoi Hotel")
    page.click("main button[type=submit]")
    page.wait_for_url("**/portal/travel/")

    page.goto(live_server.url + "/portal/dashboard/")
    if viewport:
        # Nothing wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.click("form[action$='/portal/submit/'] button")
    submitted = (
        "The registration is submitted for accreditation. A confirmation has been sent by e-mail."
    )
    assert _in(language, submitted) in page.content()
    screenshot(page, "5-submitted")

    delegation = Delegation.objects.get(pk=delegation.pk)
    assert delegation.status == "registered"
    subjects = [m.subject for m in mail.outbox]
    # The confirmation is written in the delegation's language (every language has its e-mails).
    received = {"fr": "Inscription reçue", "ar": "ورود التسجيل", "zh-hans": "登记已收到"}.get(
        language, "Registration received"
    )
    assert any(subject.startswith(received) for subject in subjects)


def test_the_language_switcher_changes_the_portal_language(open_page, live_server, screenshot):
    delegation = DelegationFactory(language="en", country="DE")
    link = _invitation_link(delegation, live_server)
    page = open_page(locale="en-GB")
    page.goto(link)

    page.select_option("#language", "vi")
    page.click("form.languages button")

    assert page.locator("html").get_attribute("lang") == "vi"
    assert _in("vi", "Accept the invitation") in page.content()
    assert _in("vi", "Accept the invitation") != "Accept the invitation"
    screenshot(page, "vietnamese")
