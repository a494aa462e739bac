import datetime as dt

import pytest

from conference.errors import AlreadyRecorded
from conference.selectors import convention_status
from conference.services import deposit_instrument, record_signature
from tests.conference.conventions import cybercrime_convention
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db

STATES = [
    *("FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "AR", "AU", "AT", "BE", "BG"),
    *("CA", "CL", "CN", "CO", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "IE", "IT", "LV"),
    *("LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "US", "VN"),
]


@pytest.fixture
def convention():
    return cybercrime_convention(
        # Art. 64(2): the Union signs once one of its member States (France here) has signed.
        regional_organisation_members={"European Union": ["AT", "BE", "DE", "FR", "SE"]},
    )


def _deposit(convention, count, start=dt.date(2026, 1, 1)):
    """`count` States sign in Hanoi, then ratify one a day from `start`."""
    for index, country in enumerate(STATES[:count]):
        record_signature(
            convention, country=country, signed_on=dt.date(2025, 10, 25), place="Hanoi"
        )
        deposit_instrument(
            convention,
            kind="ratification",
            country=country,
            deposited_on=start + dt.timedelta(days=index),
        )


@pytest.mark.parametrize(
    ("instruments", "missing", "in_force"),
    [
        (39, 1, None),
        (40, 0, dt.date(2026, 2, 9) + dt.timedelta(days=90)),  # the 40th, on 9 February
        (41, 0, dt.date(2026, 2, 9) + dt.timedelta(days=90)),  # the 41st changes nothing
    ],
)
def test_entry_into_force_on_the_ninetieth_day_after_the_fortieth_instrument(
    convention, instruments, missing, in_force
):
    _deposit(convention, instruments)

    status = convention_status(convention)

    assert (status["instruments_counted"], status["instruments_missing"]) == (
        instruments,
        missing,
    )
    assert status["entry_into_force"] == in_force


def test_the_eus_instrument_does_not_count_in_addition_to_its_members(convention):
    _deposit(convention, 39)
    record_signature(
        convention, organisation="European Union", signed_on=dt.date(2025, 10, 25), place="Hanoi"
    )
    deposit_instrument(
        convention, kind="approval", organisation="European Union", deposited_on=dt.date(2026, 3, 1)
    )

    status = convention_status(convention)

    assert len(status["instruments"]) == 40
    assert (status["instruments_counted"], status["instruments_missing"]) == (39, 1)
    assert status["entry_into_force"] is None


def test_a_party_signs_once(convention):
    record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")

    with pytest.raises(AlreadyRecorded):
        record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 26), place="Hanoi")


def test_the_status_api_lists_signatories_and_what_is_missing(client, convention):
    ConferenceFactory(slug="hanoi2025", convention=convention)
    record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")
    _deposit(convention, 3)
    record_signature(
        convention, organisation="European Union", signed_on=dt.date(2025, 10, 25), place="Hanoi"
    )

    response = client.get("/api/v1/conferences/hanoi2025/convention/")

    assert response.status_code == 200
    body = response.json()
    assert [(s["name"], s["participant_kind"]) for s in body["signatures"]] == [
        ("Viet Nam", "state"),
        ("France", "state"),  # the three that ratified
        ("Germany", "state"),
        ("Japan", "state"),
        ("European Union", "reio"),
    ]
    assert {s["signed_on"] for s in body["signatures"]} == {"2025-10-25"}
    assert (body["instruments_counted"], body["instruments_missing"]) == (3, 37)
    assert body["entry_into_force"] is None
    assert client.get("/api/v1/conferences/nowhere/convention/").status_code == 404
