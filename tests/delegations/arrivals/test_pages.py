"""The liaison officer's pages show the delegations in their care and nothing else; the console
prints the airport desk's sheet for the logistics desk."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, reverse

from delegations.liaison.urls import urlpatterns
from delegations.models import LiaisonOfficer
from tests.delegations.arrivals.support import (
    console_member,
    hanoi,
    officer_of,
    signed_in_officer,
    traveller,
)
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

PUBLIC = {"sign-in", "sign-out", "password-set", "two-factor"}


@pytest.fixture
def two_officers():
    conference = ConferenceFactory()
    mine = DelegationFactory(conference=conference, country="FR")
    theirs = DelegationFactory(conference=conference, country="DE")
    traveller(mine, rank="minister", family_name="MINE", arrives_at=hanoi(24, 9), flight="AF1")
    traveller(
        theirs, family_name="SECRETNAME", arrives_at=hanoi(24, 9), flight="LH9", hotel="Secret"
    )
    officer_of(conference, mine, email="me@host.example.vn")
    officer_of(conference, theirs, email="them@host.example.vn", name="Other Officer")
    return signed_in_officer("me@host.example.vn"), mine, theirs


def test_every_liaison_address_hides_another_officers_delegations(two_officers):
    client, _mine, theirs = two_officers
    walked = []

    for pattern in urlpatterns:
        if not isinstance(pattern, URLPattern) or pattern.name in PUBLIC:
            continue
        ids = {"delegation_id": theirs.pk, "day": "2025-10-24"}
        url = reverse(
            f"liaison:{pattern.name}", kwargs={n: ids[n] for n in pattern.pattern.converters}
        )
        response = client.get(url)
        walked.append(pattern.name)
        assert response.status_code != 403, url
        assert b"SECRETNAME" not in response.content, url
        assert b"Secret" not in response.content, url
        if "delegation_id" in pattern.pattern.converters:
            assert response.status_code == 404, url

    assert set(walked) == {"home", "delegation", "day", "day-pdf"}


def test_the_officer_sees_the_party_with_its_protocol(two_officers):
    client, mine, _theirs = two_officers

    page = client.get(f"/liaison/delegations/{mine.pk}/").content.decode()
    day = client.get("/liaison/days/2025-10-24/").content.decode()
    home = client.get("/liaison/").content.decode()

    assert "Alex MINE" in page
    assert "A Vice-Minister of the host Government" in page
    assert "VIP lounge" in page
    assert "Dedicated car" in page
    assert "AF1" in day
    assert "LH9" not in day
    assert "France" in home
    assert "Germany" not in home


def test_the_arrivals_sheet_is_a_pdf_of_the_officers_delegations(two_officers):
    client, _mine, _theirs = two_officers

    response = client.get("/liaison/days/2025-10-24/arrivals.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_day_that_is_not_a_date_is_not_found(two_officers):
    client, _mine, _theirs = two_officers

    assert client.get("/liaison/days/yesterday/").status_code == 404


def test_the_liaison_pages_ask_a_stranger_to_sign_in_and_refuse_a_focal_point():
    anonymous = Client().get("/liaison/")
    other = Client()
    other.force_login(
        LiaisonOfficer._meta.get_field("user").related_model.objects.create_user("focal")
    )

    assert anonymous["Location"] == "/liaison/sign-in/?next=/liaison/"
    assert other.get("/liaison/").status_code == 403


def test_the_logistics_desk_prints_the_days_sheet_and_security_may_not(two_officers):
    _client, mine, _theirs = two_officers
    logistics = console_member("Logistics")
    security = console_member("Security")
    query = {"conference": mine.conference_id, "day": "2025-10-24", "direction": "arrival"}

    printed = logistics.get(reverse("admin:delegations_travel_sheet"), query)
    refused = security.get(reverse("admin:delegations_travel_sheet"), query)
    changelist = logistics.get(reverse("admin:delegations_travel_changelist"))

    assert printed.status_code == 200
    assert printed["Content-Type"] == "application/pdf"
    assert refused.status_code == 403
    assert "sheet of the day" in changelist.content.decode()


def test_the_logistics_desk_registers_an_officer_and_assigns_a_delegation(
    django_capture_on_commit_callbacks,
):
    conference = ConferenceFactory()
    delegation = DelegationFactory(conference=conference)
    elsewhere = DelegationFactory(country="JP")
    logistics = console_member("Logistics")

    with django_capture_on_commit_callbacks(execute=True):
        added = logistics.post(
            reverse("admin:delegations_liaisonofficer_add"),
            {
                "conference": conference.pk,
                "name": "Pham Thu",
                "email": "thu@host.example.vn",
                "phone": "",
                "language": "en",
            },
        )
    officer = LiaisonOfficer.objects.get()
    again = logistics.post(
        reverse("admin:delegations_liaisonofficer_add"),
        {
            "conference": conference.pk,
            "name": "X",
            "email": "THU@host.example.vn",
            "language": "en",
        },
    )
    change = reverse("admin:delegations_liaisonofficer_change", args=[officer.pk])
    inline = {
        "name": "Pham Thu",
        "phone": "",
        "language": "en",
        "assignments-TOTAL_FORMS": "1",
        "assignments-INITIAL_FORMS": "0",
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
    }
    refused = logistics.post(change, inline | {"assignments-0-delegation": elsewhere.pk})
    assigned = logistics.post(change, inline | {"assignments-0-delegation": delegation.pk})

    assert added.status_code == 302
    assert [m.to for m in mail.outbox] == [["thu@host.example.vn"]]
    assert again.status_code == 200
    assert "already a liaison officer" in again.content.decode()
    assert refused.status_code == 200
    assert "works for another conference" in refused.content.decode()
    assert assigned.status_code == 302
    assert list(officer.assignments.values_list("delegation", flat=True)) == [delegation.pk]


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Times in Hanoi time, UTC+7."),
        ("fr", "Horaires : heure de Hanoi, UTC+7."),
        ("vi", "Thời gian theo giờ Hanoi, UTC+7."),
    ],
)
def test_the_officers_home_labels_the_conferences_time_in_the_readers_language(
    two_officers, language, label
):
    client, _mine, _theirs = two_officers

    home = client.get("/liaison/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert label in home
    assert "Asia/Ho_Chi_Minh" not in home
