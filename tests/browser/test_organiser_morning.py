"""An organiser's morning in a real browser: sign in with the second factor in one step, type a
session's time in Hanoi time, release the programme, and read the same wall-clock time in the
JSON, iCalendar and frab feeds."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sessions import services
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery 2025"


def _code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_organisers_morning_in_hanoi_time(open_page, live_server, screenshot, settings):
    assert settings.TIME_ZONE == "UTC"  # the server's clock; the conference's is Hanoi's
    organiser = get_user_model().objects.create_superuser("protocol", password=PASSWORD)
    phone = TOTPDevice.objects.create(user=organiser, name="Phone")
    StaticDevice.objects.create(user=organiser, name="Backup codes").token_set.create(
        token="k7qpz2mx"
    )
    conference = ConferenceFactory(slug="hanoitest", city="Hanoi")
    session = services.publish_session(
        SessionFactory(
            conference=conference,
            room=RoomFactory(venue=conference.venue, name="Press Room"),
            kind="press_conference",
            slug="press-conference",
            title="Press conference",
            starts_at=dt.datetime(2025, 10, 25, 16, 0, tzinfo=HANOI),
            ends_at=dt.datetime(2025, 10, 25, 19, 0, tzinfo=HANOI),
        )
    )
    services.release_schedule(conference, notes="First")
    page = open_page(locale="en-GB")

    # One step: user name, password and the code together; no list of devices to choose from.
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    assert page.locator("#id_otp_device").count() == 0
    page.fill("#id_username", "protocol")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", _code(phone))
    screenshot(page, "1-sign-in")
    page.click("#login-form input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    # The change page shows Hanoi time, says so, and reads what is typed in it.
    page.goto(live_server.url + f"/admin/programme/session/{session.pk}/change/")
    assert page.input_value("#id_starts_at_1") == "16:00:00"
    assert page.locator(".conference-time").first.inner_text() == "Hanoi time, UTC+7"
    page.fill("#id_starts_at_1", "18:00:00")
    screenshot(page, "2-typed-in-hanoi-time")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/programme/session/")

    page.goto(live_server.url + "/admin/programme/schedulerelease/release/")
    page.select_option("#id_conference", str(conference.pk))
    page.fill("#id_notes", "The press conference moves to 18:00.")
    page.click("main input[type=submit], #content input[type=submit]")
    page.wait_for_url("**/admin/programme/schedulerelease/")
    assert "Release 2 of" in page.content()
    screenshot(page, "3-released")

    feeds = f"{live_server.url}/api/v1/conferences/{conference.slug}"
    schedule = json.loads(page.request.get(f"{feeds}/schedule/").text())
    (entry,) = [
        s for day in schedule["days"] for s in day["sessions"] if s["slug"] == "press-conference"
    ]
    assert entry["starts_at"] == "2025-10-25T18:00:00+07:00"
    ics = page.request.get(f"{feeds}/schedule.ics").text()
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20251025T180000" in ics
    frab = page.request.get(f"{feeds}/schedule.xml").text()
    assert "<start>18:00</start>" in frab
    assert "2025-10-25T18:00:00+07:00" in frab
