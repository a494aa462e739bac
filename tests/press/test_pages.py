"""The journalists' pages: the public application, a journalist's own page, and the walls
between journalists, and between journalists and the delegations' portal."""

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from delegations.models import MediaApplication
from delegations.services import accredit_journalist
from press.urls import urlpatterns
from tests.delegations.arrivals.support import console_member
from tests.factories import ConferenceFactory
from tests.portal.support import signed_in_focal_point
from tests.press.support import PASSWORD, apply, photo, press_card

pytestmark = pytest.mark.django_db

PUBLIC = {"sign-in", "sign-out", "apply"}


@pytest.fixture
def conference():
    return ConferenceFactory(slug="hanoi2025")


def _signed_in(email):
    client = Client()
    client.post("/press/sign-in/", {"username": email, "password": PASSWORD})
    return client


def test_a_journalist_applies_on_the_public_form_and_lands_on_their_page(conference):
    client = Client()
    form = client.get("/press/apply/hanoi2025/")

    response = client.post(
        "/press/apply/hanoi2025/",
        {
            "outlet_name": "Nhân Dân",
            "outlet_country": "VN",
            "role": "photographer",
            "given_names": "Minh",
            "family_name": "TRAN",
            "nationality": "VN",
            "email": "minh@nhandan.example",
            "password": PASSWORD,
            "press_card_number": "ND-1",
            "press_card": press_card(),
            "photo": photo(),
            "equipment": "Two cameras",
        },
    )
    page = client.get("/press/").content.decode()

    assert form.status_code == 200
    assert response["Location"] == "/press/"
    assert MediaApplication.objects.get().outlet.name == "Nhân Dân"
    assert "Minh TRAN" in page
    assert "Submitted" in page


def test_a_bad_photo_is_a_clear_error_and_nothing_is_saved(conference):
    response = Client().post(
        "/press/apply/hanoi2025/",
        {
            "outlet_name": "X",
            "role": "reporter",
            "given_names": "A",
            "family_name": "B",
            "nationality": "VN",
            "email": "a@x.example",
            "password": PASSWORD,
            "press_card_number": "1",
            "press_card": press_card(),
            "photo": press_card(),  # a PDF where a photo is asked
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == ["Upload the photo as a JPEG or PNG image."]
    assert not MediaApplication.objects.exists()


def test_every_press_address_hides_another_journalists_application(conference):
    apply(conference, email="me@outlet.example")
    theirs = apply(conference, email="them@other.example", family_name="SECRETNAME")
    client = _signed_in("me@outlet.example")
    walked = []

    for pattern in urlpatterns:
        if not isinstance(pattern, URLPattern) or pattern.name in PUBLIC:
            continue
        kwargs = {n: theirs.pk for n in pattern.pattern.converters}
        url = reverse(f"press:{pattern.name}", kwargs=kwargs)
        response = client.get(url)
        walked.append(pattern.name)
        assert response.status_code != 403, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"SECRETNAME" not in body, url
        if kwargs:
            assert response.status_code == 404, url

    assert set(walked) == {"home", "photo", "two-factor"}


def test_a_journalist_never_sees_the_delegations_portal(conference):
    apply(conference, email="me@outlet.example")
    client = _signed_in("me@outlet.example")

    for url in ("/portal/dashboard/", "/portal/delegates/", "/portal/participants/"):
        assert client.get(url).status_code == 403, url


def test_a_focal_point_has_no_press_page(client, invite):
    signed_in_focal_point(client, invite, country="FR")

    assert client.get("/press/").status_code == 403
    assert Client().get("/press/")["Location"] == "/press/sign-in/?next=/press/"


def test_the_press_office_accredits_and_sees_the_files(conference):
    application = apply(conference)
    press_office = console_member("Press office")
    protocol = console_member("Protocol")

    accredited = press_office.post(
        "/admin/delegations/mediaapplication/",
        {"action": "accredit_selected", "_selected_action": [application.pk]},
        follow=True,
    )
    photo_file = press_office.get(f"/admin/delegations/mediaapplication/{application.pk}/photo/")
    refused = protocol.get(f"/admin/delegations/mediaapplication/{application.pk}/photo/")

    assert [str(m) for m in accredited.context["messages"]] == ["1 journalist accredited."]
    application.refresh_from_db()
    assert application.state == "accredited"
    assert photo_file.status_code == 200
    assert refused.status_code == 403


def test_the_press_office_replaces_a_lost_card_with_a_reason(conference):
    application = apply(conference)
    press_office = console_member("Press office")
    press_office.post(
        "/admin/delegations/mediaapplication/",
        {"action": "accredit_selected", "_selected_action": [application.pk]},
    )
    selected = {"action": "reissue_badges", "_selected_action": [application.pk]}

    asked = press_office.post("/admin/delegations/mediaapplication/", selected)
    no_reason = press_office.post(
        "/admin/delegations/mediaapplication/", selected | {"reason": "  "}
    )
    done = press_office.post(
        "/admin/delegations/mediaapplication/",
        selected | {"reason": "Card lost"},
        follow=True,
    )

    assert "NGUYEN" in asked.content.decode()
    assert no_reason.context["form"].errors == {"reason": ["This field is required."]}
    assert [str(m) for m in done.context["messages"]] == [
        "1 new press badge issued; the old one no longer opens a door."
    ]
    application.refresh_from_db()
    assert application.badge_number == "P-0002"
    assert list(application.badges.values_list("number", "state").order_by("number")) == [
        ("P-0001", "revoked"),
        ("P-0002", "active"),
    ]


def test_only_the_press_office_reissues_press_badges(conference):
    application = accredit_journalist(apply(conference))
    read_only = console_member("Read-only")

    listed = read_only.get("/admin/delegations/mediaapplication/")
    read_only.post(
        "/admin/delegations/mediaapplication/",
        {"action": "reissue_badges", "_selected_action": [application.pk], "reason": "Lost"},
    )

    assert listed.status_code == 200
    assert "reissue_badges" not in listed.content.decode()
    assert list(application.badges.values_list("number", "state")) == [("P-0001", "active")]
