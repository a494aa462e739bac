"""A focal point proposes a side event for a slot, follows the decision and may withdraw it."""

import datetime as dt

import pytest

from sessions.models import SideEventApplication, SideEventSlot
from tests.factories import HANOI
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def slot(client, invite):
    delegation = signed_in_focal_point(client, invite, country="FR")
    return SideEventSlot.objects.create(
        conference=delegation.conference,
        starts_at=dt.datetime(2025, 10, 26, 12, 0, tzinfo=HANOI),
    )


def _proposal(slot, **overrides):
    return {
        "slot": slot.pk,
        "title": "Electronic evidence across borders",
        "organisers": "Permanent Mission of France\nCouncil of Europe",
        "speakers": "Ms A, Prosecutor",
        "languages": ["en", "fr"],
        "expected_audience": "80",
        "technical_needs": "Video link",
    } | overrides


def test_the_focal_point_proposes_a_side_event_and_sees_it_submitted(client, slot):
    response = client.post("/portal/side-events/", _proposal(slot))
    page = client.get("/portal/side-events/").content.decode()

    assert response["Location"] == "/portal/side-events/"
    application = SideEventApplication.objects.get()
    assert application.organiser_names == ["Permanent Mission of France", "Council of Europe"]
    assert application.languages == ["en", "fr"]
    assert "Electronic evidence across borders" in page
    assert "2025-10-26 12:00-13:00" in page


def test_a_proposal_without_organisers_or_audience_is_refused_and_nothing_is_saved(client, slot):
    response = client.post(
        "/portal/side-events/", _proposal(slot, organisers="", expected_audience="0")
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"organisers", "expected_audience"}
    assert not SideEventApplication.objects.exists()


def test_the_focal_point_withdraws_its_side_event(client, slot):
    client.post("/portal/side-events/", _proposal(slot))
    application = SideEventApplication.objects.get()

    client.post(f"/portal/side-events/{application.pk}/withdraw/")

    application.refresh_from_db()
    assert application.state == "withdrawn"


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Times in Hanoi time, UTC+7."), ("fr", "Horaires : heure de Hanoi, UTC+7.")],
)
def test_the_side_events_page_labels_the_conferences_time(client, invite, language, label):
    signed_in_focal_point(client, invite, country="SN", language=language)

    page = client.get("/portal/side-events/").content.decode()

    assert label in page
    assert "Asia/Ho_Chi_Minh" not in page


def test_an_arabic_focal_point_reads_the_status_of_its_side_events_not_a_state(client, invite):
    delegation = signed_in_focal_point(client, invite, country="EG", language="ar")
    slot = SideEventSlot.objects.create(
        conference=delegation.conference,
        starts_at=dt.datetime(2025, 10, 26, 12, 0, tzinfo=HANOI),
    )
    client.post("/portal/side-events/", _proposal(slot))

    page = client.get("/portal/side-events/").content.decode()

    assert '<th scope="col">الحالة</th>' in page  # "Status"
    assert '<th scope="col">الدولة</th>' not in page  # "State", as in a country
