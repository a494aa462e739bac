"""A journalist's application, in a real browser: the public form with the press card and the
photo, then the journalist's own page; after the press office accredits, the yellow badge."""

import datetime as dt
import io

import pytest
import time_machine
from PIL import Image

from delegations.models import MediaApplication
from delegations.services import accredit_journalist
from tests.browser.conftest import LOADED_WIDTH
from tests.console import code_for_key
from tests.factories import ConferenceFactory
from tests.pdfs import pdf_bytes
from tests.press.support import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def before_the_deadlines():
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def files(tmp_path):
    photo = tmp_path / "portrait.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (600, 750), (190, 170, 150)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    card = tmp_path / "press-card.pdf"
    card.write_bytes(pdf_bytes())
    return {"photo": photo, "card": card}


def test_a_journalist_applies_and_follows_the_accreditation(
    open_page, live_server, files, screenshot
):
    conference = ConferenceFactory(slug="hanoi2025", badge_zones={"media": ["press"]})
    page = open_page(locale="en-GB")

    page.goto(f"{live_server.url}/press/apply/hanoi2025/")
    page.get_by_label("Media outlet").fill("Viet Nam News")
    page.get_by_label("Country of the outlet").select_option("VN")
    page.get_by_label("Role").select_option("photographer")
    page.get_by_label("Given names").fill("Lan")
    page.get_by_label("Family name").fill("NGUYEN")
    page.get_by_label("Nationality").select_option("VN")
    page.get_by_label("E-mail address").fill("lan@vnnews.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Press card number").fill("VNN-2025-001")
    page.get_by_label("Press card (PDF)").set_input_files(files["card"])
    page.get_by_label("Photo (JPEG or PNG)").set_input_files(files["photo"])
    page.get_by_label("Equipment").fill("Two camera bodies, one tripod")
    screenshot(page, "form")
    page.get_by_role("button", name="Apply").click()

    assert page.get_by_role("heading", level=1).inner_text() == conference.name
    assert page.locator("dd.state").inner_text() == "Submitted"
    assert page.get_by_role("img", name="Your photo").evaluate(LOADED_WIDTH) > 0

    accredit_journalist(MediaApplication.objects.get())
    page.reload()
    screenshot(page, "accredited")

    assert page.locator("dd.state").inner_text() == "Accredited"
    assert "P-0001 (yellow)" in page.content()
    # The delegations' portal is not theirs.
    assert page.goto(f"{live_server.url}/portal/dashboard/").status == 403

    # The second factor is offered: set up from the key on the page, as an app would.
    page.goto(f"{live_server.url}/press/")
    page.get_by_role("link", name="Set up two-factor authentication").click()
    key = page.locator("code").inner_text()
    page.get_by_label("Code shown by the app").fill(code_for_key(key))
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your backup codes"
    screenshot(page, "backup-codes")
    page.get_by_role("link", name="Continue").click()
    assert page.locator("dd.state").inner_text() == "Accredited"
    assert page.get_by_role("link", name="Set up two-factor authentication").count() == 0
