"""Journalists' badges: issued yellow when the press office accredits, printed from its list
with the delegates' badge code, and scanned at the doors through the real check-in endpoints:
the media zones, the pools of restricted events, revocation, every scan logged."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from delegations.documents.badges import badge_qr
from delegations.models import Badge, ConsoleJob, Scan
from delegations.qr import badge_payload
from delegations.services import accredit_journalist, register_scanner, revoke_badge
from sessions.models import MediaPool
from sessions.services import assign_pool_place, publish_session
from tests.delegations.arrivals.support import console_member
from tests.delegations.badges.support import _images, _qr_matrix_in_pdf, _text, staff
from tests.delegations.check_in.support import badge_for, check_in, scanner_client
from tests.factories import (
    HANOI,
    AccessZoneFactory,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
)
from tests.press.support import apply

pytestmark = pytest.mark.django_db

APPLICATIONS = "/admin/delegations/mediaapplication/"
# During the signing ceremony (25 October 2025, 10:00-11:00 in the plenary hall).
DURING_THE_SIGNING = dt.datetime(2025, 10, 25, 10, 15, tzinfo=HANOI)
AFTER_THE_SIGNING = dt.datetime(2025, 10, 25, 12, 0, tzinfo=HANOI)


@pytest.fixture
def conference():
    conference = ConferenceFactory(
        slug="hanoi2025",
        badge_zones={"media": ["press", "plenary"], "delegate": ["plenary"]},
    )
    for code, name in [("plenary", "Plenary hall"), ("press", "Press centre"), ("vip", "VIP")]:
        AccessZoneFactory(venue=conference.venue, code=code, name=name)
    return conference


def _journalist(conference, email="lan@vnn.example", outlet="Viet Nam News", **fields):
    return accredit_journalist(apply(conference, email=email, outlet=outlet, **fields))


def _door(conference, name="Plenary door"):
    _device, token = register_scanner(conference, name)
    return scanner_client(token)


def _at(door, badge, zone, direction="entry"):
    body = check_in(door, badge_payload(badge), zone=zone, direction=direction).json()
    return body["allowed"], body["reason"]


def test_accrediting_a_journalist_issues_a_yellow_press_badge_with_the_media_zones(
    conference,
):
    application = _journalist(conference)

    badge = Badge.objects.get(journalist=application)
    assert (badge.number, badge.category, badge.colour, badge.zones, badge.state) == (
        "P-0001",
        "media",
        "yellow",
        ["press", "plenary"],
        "active",
    )
    assert badge.delegate is None
    assert badge.holder == application


def test_the_press_office_prints_its_journalists_badges_with_photo_outlet_and_qr(
    conference, django_capture_on_commit_callbacks
):
    application = _journalist(conference, role="photographer")
    not_yet = apply(conference, email="waiting@afp.example", outlet="AFP")
    press_office = console_member("Press office")

    with django_capture_on_commit_callbacks(execute=True):
        action = press_office.post(
            APPLICATIONS,
            {"action": "print_id1", "_selected_action": [application.pk, not_yet.pk]},
        )
    job = ConsoleJob.objects.get()
    response = press_office.get(f"/admin/delegations/consolejob/{job.pk}/download/")
    pdf = b"".join(response.streaming_content)

    badge = Badge.objects.get(journalist=application)
    assert action.status_code == 302
    assert (job.state, job.total) == ("done", 1)  # the journalist not accredited has none
    text = _text(pdf)
    for expected in [
        "PRESS",
        "NGUYEN",
        "Lan",
        "Photographer",
        "Viet Nam News",
        "P-0001",
        "Press centre · Plenary hall",
    ]:
        assert expected in text, expected
    assert "VN-12345" not in text  # the press card's number stays off the card
    assert len(_images(pdf)) == 1  # the photo
    assert _qr_matrix_in_pdf(pdf) == [bytes(row) for row in badge_qr(badge).matrix]
    assert badge.printed_at is not None


def test_printing_all_that_match_the_journalists_list_prints_only_their_badges(
    conference, django_capture_on_commit_callbacks
):
    """ "Select all" carries the journalists' list's search, read again by the job on that list,
    not on the badges' list: one outlet's badges, not every badge of the conference."""
    _journalist(conference)
    _journalist(conference, email="paul@afp.example", outlet="AFP")
    press_office = console_member("Press office")

    with django_capture_on_commit_callbacks(execute=True):
        press_office.post(
            f"{APPLICATIONS}?q=AFP",
            {"action": "print_id1", "select_across": "1", "_selected_action": ["0"]},
        )
    job = ConsoleJob.objects.get()

    assert (job.state, job.total) == ("done", 1)
    assert job.selection["list"] == "delegations.mediaapplication"


def test_printing_from_the_journalists_list_needs_the_permission_to_print(conference):
    application = _journalist(conference)
    reviewer = Client()
    staff(reviewer, "view_mediaapplication", "change_mediaapplication")

    page = reviewer.get(APPLICATIONS)
    tried = reviewer.post(
        APPLICATIONS, {"action": "print_id1", "_selected_action": [application.pk]}
    )

    assert page.status_code == 200
    assert "accredit_selected" in page.content.decode()
    assert "print_id1" not in page.content.decode()
    assert tried.status_code == 302  # back to the list: Django knows no such action here
    assert not ConsoleJob.objects.exists()


def test_a_journalists_badge_opens_the_media_zones_and_no_other(conference):
    badge = _journalist(conference).badges.get()
    door = _door(conference)

    response = check_in(door, badge_payload(badge), zone="press")
    plenary = _at(door, badge, "plenary")
    vip = _at(door, badge, "vip")

    assert response.status_code == 200
    assert response.json()["badge"] | {"photo_url": None} == {
        "number": "P-0001",
        "name": "Lan NGUYEN",
        "delegation": "Viet Nam News",
        "colour": "yellow",
        "photo_url": None,
    }
    assert response.json()["badge"]["photo_url"].startswith("http://testserver/check-in/photo/")
    assert Client().get(response.json()["badge"]["photo_url"]).status_code == 200
    assert plenary == (True, "allowed")
    assert vip == (False, "zone_not_allowed")
    assert list(Scan.objects.order_by("pk").values_list("badge", "zone__code", "reason")) == [
        (badge.pk, "press", "allowed"),
        (badge.pk, "plenary", "allowed"),
        (badge.pk, "vip", "zone_not_allowed"),
    ]


def test_security_reads_a_journalists_scans_in_the_scans_record(conference):
    badge = _journalist(conference).badges.get()
    door = _door(conference)
    _at(door, badge, "press")
    _at(door, badge, "vip")
    security = console_member("Security")

    page = security.get("/admin/delegations/scan/", {"q": "NGUYEN"})

    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('<td class="field-delegation">Viet Nam News</td>') == 2
    assert html.count("P-0001 Lan NGUYEN (Viet Nam News)") == 2
    assert "Refused: this badge does not give access to this zone." in html


def test_a_revoked_journalists_badge_is_refused_at_the_scan_page_and_logged(conference):
    badge = _journalist(conference).badges.get()
    revoke_badge(badge, reason="Press card withdrawn by the outlet")
    client = Client()
    _device, token = register_scanner(conference, "Press centre door")
    client.post("/check-in/start/", {"token": token})

    page = client.post(
        "/check-in/", {"zone": "press", "direction": "entry", "payload": badge_payload(badge)}
    ).content.decode()

    assert 'class="result refused"' in page
    assert "Refused: this badge has been revoked." in page
    assert "NGUYEN" in page  # the door sees whose badge is being tried
    assert list(Scan.objects.values_list("badge", "allowed", "reason")) == [
        (badge.pk, False, "revoked")
    ]


@pytest.fixture
def signing(conference):
    """The signing in the plenary hall and the family photo in the VIP lounge, both published,
    each with a media pool."""
    sessions = {}
    for slug, zone, start in [("signing", "plenary", 10), ("family-photo", "vip", 10)]:
        room = RoomFactory(
            venue=conference.venue, access_zone=conference.venue.access_zones.get(code=zone)
        )
        session = SessionFactory(
            conference=conference,
            slug=slug,
            kind="signing_ceremony",
            room=room,
            starts_at=dt.datetime(2025, 10, 25, start, 0, tzinfo=HANOI),
            ends_at=dt.datetime(2025, 10, 25, start + 1, 0, tzinfo=HANOI),
        )
        publish_session(session)
        sessions[slug] = MediaPool.objects.create(session=session, places=4)
    return sessions


def test_during_a_restricted_event_only_its_pool_enters_its_zone(conference, signing):
    in_pool = _journalist(conference, email="lan@vnn.example", outlet="VNN")
    outside = _journalist(conference, email="paul@afp.example", outlet="AFP")
    assign_pool_place(signing["signing"], in_pool)
    assign_pool_place(signing["family-photo"], in_pool)
    door = _door(conference)
    pool_badge, other_badge = in_pool.badges.get(), outside.badges.get()

    with time_machine.travel(DURING_THE_SIGNING):
        pool_plenary = _at(door, pool_badge, "plenary")
        other_plenary = _at(door, other_badge, "plenary")
        pool_photo = _at(door, pool_badge, "vip")  # not a media zone, but the pool's place
        other_photo = _at(door, other_badge, "vip")
        other_press = _at(door, other_badge, "press")  # the press centre stays open
        other_leaves = _at(door, other_badge, "plenary", "exit")
    with time_machine.travel(AFTER_THE_SIGNING):
        other_after = _at(door, other_badge, "plenary")
        pool_photo_after = _at(door, pool_badge, "vip")

    assert pool_plenary == (True, "allowed")
    assert other_plenary == (False, "pool_only")
    assert pool_photo == (True, "allowed")
    assert other_photo == (False, "pool_only")
    assert other_press == (True, "allowed")
    assert other_leaves == (True, "exit_without_entry")
    assert other_after == (True, "allowed")
    assert pool_photo_after == (False, "zone_not_allowed")
    assert Scan.objects.count() == 8
    assert Scan.objects.filter(reason="pool_only", allowed=False).count() == 2


def test_a_pool_does_not_stop_delegates_at_the_door(conference, signing):
    delegate_badge = badge_for(conference, zones=("plenary",))
    door = _door(conference)

    with time_machine.travel(DURING_THE_SIGNING):
        assert _at(door, delegate_badge, "plenary") == (True, "allowed")
