"""An organiser whose computer keeps another time than the conference's (a desk officer in
Vienna preparing the Hanoi meeting) reads one statement of the time to type: the conference's
label. Django's own note beside the field compared the computer's clock with the conference's
and called it "server time" ("Note: You are 6 hours behind server time")."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.test_organiser_morning import PASSWORD, _code
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_console_form_says_the_conferences_time_and_no_server_time(
    open_page, live_server, screenshot
):
    organiser = get_user_model().objects.create_superuser("protocol", password=PASSWORD)
    phone = TOTPDevice.objects.create(user=organiser, name="Phone")
    conference = ConferenceFactory(slug="hanoitest", city="Hanoi")
    session = SessionFactory(
        conference=conference,
        room=RoomFactory(venue=conference.venue),
        starts_at=dt.datetime(2025, 10, 25, 16, 0, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 17, 0, tzinfo=HANOI),
    )
    page = open_page(locale="fr-FR", timezone_id="Europe/Vienna")
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "protocol")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", _code(phone))
    page.click("#login-form input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(live_server.url + f"/admin/programme/session/{session.pk}/change/?lang=fr")
    page.wait_for_load_state("load")
    screenshot(page, "change-page-from-vienna")

    text = page.inner_text("#content")
    assert page.input_value("#id_starts_at_1") == "16:00:00"
    assert "heure de Hanoi, UTC+7" in text
    assert "Note" not in text
    assert "heure du serveur" not in text
