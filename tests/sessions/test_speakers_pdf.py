import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from sessions import services
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/conferences/hanoi2025/speakers.pdf"


def at(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def debate():
    conference = ConferenceFactory(
        slug="hanoi2025",
        name="Signing Conference of the Hanoi Convention",
        host_country="VN",
        speaking_minutes_state=5,
        speaking_minutes_observer=3,
    )
    hall = RoomFactory(venue=conference.venue, name="Main Hall")
    for day, start, end in ((25, (14, 0), (14, 12)), (26, (9, 0), (9, 30))):
        services.publish_session(
            SessionFactory(
                conference=conference,
                room=hall,
                kind="general_debate",
                title="General debate",
                slug=f"debate-{day}",
                starts_at=at(day, *start),
                ends_at=at(day, *end),
            )
        )
    return conference


def inscribe(conference, country, rank, when, *, kind="member_state", **names):
    if kind == "ngo":
        delegation = OrganisationDelegationFactory(conference=conference, name=country)
    else:
        delegation = DelegationFactory(conference=conference, country=country, kind=kind)
    head = DelegateFactory(delegation=delegation, role="head", protocol_rank=rank, **names)
    with time_machine.travel(when):
        services.request_to_speak(delegation)
    return head


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_speakers_list_prints_in_speaking_order_with_vietnamese_names(client, debate):
    france = inscribe(debate, "FR", "minister", at(1, 9), given_names="Jean", family_name="MARTIN")
    host = inscribe(
        debate,
        "VN",
        "deputy_head_of_government",
        at(4, 9),
        title="H.E.",
        given_names="Thị Phương Hạnh",
        family_name="NGUYỄN",
        function="Phó Thủ tướng",
    )
    brazil = inscribe(debate, "BR", "minister", at(2, 9), given_names="Ana", family_name="SOUZA")
    interpol = inscribe(
        debate, "Interpol", "head_of_organisation", at(1, 8), kind="ngo", family_name="STOCK"
    )

    with time_machine.travel(dt.datetime(2025, 10, 24, 18, 5, tzinfo=HANOI)):
        response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="hanoi2025-speakers.pdf"'
    text = pdf_text(response.content)
    names = [host.full_name, france.full_name, brazil.full_name, interpol.full_name]
    assert host.full_name == "H.E. Thị Phương Hạnh NGUYỄN"
    positions = [text.find(name) for name in names]
    assert -1 not in positions, text
    assert positions == sorted(positions)
    for expected in (
        "Signing Conference of the Hanoi Convention",
        "Printed on 24 October 2025, 18:05 (Hanoi time, UTC+7)",
        "Saturday 25 October 2025, 14:00\N{EN DASH}14:12, Main Hall: General debate",
        "Sunday 26 October 2025, 09:00\N{EN DASH}09:30, Main Hall: General debate",
        "Phó Thủ tướng",
        "Deputy Head of Government",
        "Head of organisation",
        "Sat 25 Oct, 14:00",
        "Sat 25 Oct, 14:05",
        "Sun 26 Oct, 09:00",
        "Sun 26 Oct, 09:05",
    ):
        assert expected in text, expected


def test_an_unknown_conference_is_not_found_and_an_empty_list_says_so(client, debate):
    assert client.get("/api/v1/conferences/nowhere/speakers.pdf").status_code == 404

    text = pdf_text(client.get(URL).content)

    assert "Nobody is inscribed to speak yet." in text


@pytest.mark.parametrize("speakers", [2, 8])
def test_the_pdf_takes_the_same_queries_however_long_the_list(
    client, debate, django_assert_num_queries, speakers
):
    for index, country in enumerate(["FR", "DE", "JP", "BR", "AR", "CL", "PE", "MX"][:speakers]):
        inscribe(debate, country, "minister", at(1, 9 + index))

    # The conference, the sittings with their openers and replies (the times), the sittings
    # again (the header), the inscriptions, the heads.
    with django_assert_num_queries(7):
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "expected_times"),
    [
        (
            "zh-hans",
            [
                "10月25日周六 14:00",
                "10月25日周六 14:05",
                "2025年10月25日星期六 14:00\N{EN DASH}14:12\N{FULLWIDTH COMMA}",
            ],
        ),
        ("ru", ["сб, 25 окт., 14:00", "сб, 25 окт., 14:05"]),  # noqa: RUF001
    ],
)
def test_the_speakers_list_writes_its_short_dates_as_the_readers_language_does(
    client, debate, language, expected_times
):
    inscribe(debate, "FR", "minister", at(1, 9))
    inscribe(debate, "BR", "minister", at(2, 9))

    text = pdf_text(client.get(URL, HTTP_ACCEPT_LANGUAGE=language).content)

    for expected in expected_times:
        assert expected in text, text
