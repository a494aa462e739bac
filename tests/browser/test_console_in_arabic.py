"""An organiser who works in Arabic: the console's first page names the conference in Arabic and
draws its bars right to left with every label inside the chart (SVG text follows the page's
direction, so a label placed for a left-to-right page fell outside it, and only the numbers
showed), and a delegation's page has no English label left. The sessions are named in Arabic too."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from delegations.models import Invitation
from tests.browser.test_organiser_morning import PASSWORD, _code
from tests.factories import ConferenceFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

ARABIC_NAME = "حفل التوقيع والمؤتمر الرفيع المستوى"

# Each label's box and the chart's, as the browser lays them out.
LABELS_AND_CHART = """svg => ({
    chart: svg.getBoundingClientRect().toJSON(),
    labels: [...svg.querySelectorAll("a > text:first-child")].map(t => ({
        text: t.textContent, box: t.getBoundingClientRect().toJSON()
    })),
})"""


def test_the_console_in_arabic_names_the_conference_and_shows_every_bars_label(
    open_page, live_server, screenshot
):
    organiser = get_user_model().objects.create_superuser("protocol", password=PASSWORD)
    phone = TOTPDevice.objects.create(user=organiser, name="Phone")
    conference = ConferenceFactory(
        slug="hanoiar",
        name="Signing Ceremony and High-Level Conference",
        languages=["en", "ar"],
        translations={"ar": {"name": ARABIC_NAME}},
    )
    delegation = DelegationFactory(conference=conference, country="EG", status="confirmed")
    Invitation.objects.create(
        delegation=delegation,
        email="x@example.org",
        state="accepted",
        expires_at=conference.reply_deadline,
    )
    SessionFactory(
        conference=conference,
        state="published",
        capacity=20,
        title="Safeguarding Citizens in the Digital Transformation Era",
        translations={"ar": {"title": "حماية المواطنين في عصر التحول الرقمي"}},
    )
    page = open_page(locale="ar")
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "protocol")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", _code(phone))
    page.click("#login-form input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(live_server.url + f"/admin/?conference={conference.slug}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.inner_text("#dashboard-title") == ARABIC_NAME
    assert page.locator("#dashboard-conference option:checked").inner_text() == ARABIC_NAME
    assert "حماية المواطنين في عصر التحول الرقمي" in page.inner_text(".dashboard")
    assert "Safeguarding Citizens" not in page.inner_text(".dashboard")
    screenshot(page, "dashboard")
    for chart in page.locator(".dashboard-card svg").all():
        drawn = chart.evaluate(LABELS_AND_CHART)
        assert drawn["labels"], "a chart without labels"
        for label in drawn["labels"]:
            box, frame = label["box"], drawn["chart"]
            assert box["width"] > 0, label["text"]
            assert frame["left"] <= box["left"], label
            assert box["right"] <= frame["right"] + 1, label

    page.goto(live_server.url + f"/admin/delegations/delegation/{delegation.pk}/change/")
    assert "Credentials uploaded at" not in page.inner_text("#content")
    assert "تاريخ تحميل وثائق التفويض" in page.inner_text("#content")
    assert "Signing Ceremony" not in page.inner_text("#content")
