"""The depositary's register (Art. 64 and 65 of the Convention against Cybercrime): who signs,
where and when, which instrument, and when the Convention enters into force for each."""

import csv
import datetime as dt
import io

import pytest

from conference.errors import AlreadyRecorded, NotAParticipant, SignatureNotOpen, WrongInstrument
from conference.selectors import convention_status
from conference.services import (
    deposit_instrument,
    record_depositary_notification,
    record_signature,
)
from tests.conference.conventions import cybercrime_convention
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db

HANOI_DAY = dt.date(2025, 10, 25)
EU_MEMBERS = [
    *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
    *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
]


@pytest.fixture
def convention():
    return cybercrime_convention(
        regional_organisation_members={"European Union": EU_MEMBERS},
    )


def test_the_european_union_signs_as_a_regional_economic_integration_organisation(convention):
    record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")
    signature = record_signature(
        convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi"
    )

    assert (signature.participant_kind, signature.is_reio) == ("reio", True)


def test_the_council_of_europe_does_not_sign_as_an_reio(convention):
    with pytest.raises(NotAParticipant) as refused:
        record_signature(
            convention, organisation="Council of Europe", signed_on=HANOI_DAY, place="Hanoi"
        )

    assert refused.value.message == (
        "Council of Europe is not a regional economic integration organisation of this "
        "convention: it neither signs nor deposits an instrument."
    )
    assert convention.signatures.count() == 0


@pytest.mark.parametrize(
    ("signed_on", "place"),
    [
        (dt.date(2025, 10, 25), "Hanoi"),
        (dt.date(2025, 10, 26), "hanoi"),
        (dt.date(2025, 10, 27), "United Nations Headquarters"),
        (dt.date(2026, 12, 31), "United Nations Headquarters"),
    ],
)
def test_a_signature_in_hanoi_on_the_two_days_or_at_headquarters_until_the_closing_date(
    convention, signed_on, place
):
    assert record_signature(convention, country="FR", signed_on=signed_on, place=place).pk


@pytest.mark.parametrize(
    ("signed_on", "place", "message"),
    [
        (
            dt.date(2024, 12, 1),
            "Hanoi",
            "Nobody signs a convention before its adoption.",
        ),
        (
            dt.date(2025, 6, 1),
            "United Nations Headquarters",
            "The convention opens for signature on 2025-10-25.",
        ),
        (
            dt.date(2025, 10, 25),
            "United Nations Headquarters",
            "Until 2025-10-26 the convention is open for signature in Hanoi only.",
        ),
        (
            dt.date(2025, 10, 27),
            "Hanoi",
            "After 2025-10-26 the convention is open for signature at United Nations "
            "Headquarters only.",
        ),
        (
            dt.date(2027, 1, 1),
            "United Nations Headquarters",
            "The convention was open for signature until 2026-12-31.",
        ),
    ],
)
def test_a_signature_elsewhere_or_out_of_time_is_refused_and_nothing_recorded(
    convention, signed_on, place, message
):
    with pytest.raises(SignatureNotOpen) as refused:
        record_signature(convention, country="FR", signed_on=signed_on, place=place)

    assert refused.value.message == message
    assert convention.signatures.count() == 0


def test_the_opening_follows_the_conventions_fields_not_literals(convention):
    convention.opening_place, convention.opening_from = "Geneva", dt.date(2026, 3, 1)
    convention.opening_until = dt.date(2026, 3, 2)
    convention.save()

    with pytest.raises(SignatureNotOpen):
        record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")
    assert record_signature(
        convention, country="FR", signed_on=dt.date(2026, 3, 2), place="Geneva"
    ).pk


def test_a_signatory_ratifies_and_a_non_signatory_accedes(convention):
    record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")

    with pytest.raises(WrongInstrument):
        deposit_instrument(
            convention, kind="accession", country="FR", deposited_on=dt.date(2026, 2, 1)
        )
    with pytest.raises(WrongInstrument) as refused:
        deposit_instrument(
            convention, kind="ratification", country="CA", deposited_on=dt.date(2026, 2, 1)
        )
    assert refused.value.message == "A participant that did not sign the convention accedes to it."
    assert convention.instruments.count() == 0

    ratification = deposit_instrument(
        convention, kind="approval", country="FR", deposited_on=dt.date(2026, 2, 1)
    )
    accession = deposit_instrument(
        convention, kind="accession", country="CA", deposited_on=dt.date(2026, 2, 1)
    )

    assert (ratification.kind, accession.kind) == ("approval", "accession")


def test_no_instrument_before_the_adoption_or_the_signature(convention):
    with pytest.raises(SignatureNotOpen):
        deposit_instrument(
            convention, kind="accession", country="CA", deposited_on=dt.date(2024, 1, 1)
        )
    record_signature(
        convention,
        country="FR",
        signed_on=dt.date(2026, 5, 1),
        place=" United  Nations Headquarters",
    )
    with pytest.raises(WrongInstrument):
        deposit_instrument(
            convention, kind="ratification", country="FR", deposited_on=dt.date(2026, 4, 1)
        )
    assert convention.instruments.count() == 0


def test_an_organisation_that_is_no_reio_deposits_nothing(convention):
    with pytest.raises(NotAParticipant):
        deposit_instrument(
            convention,
            kind="accession",
            organisation="Council of Europe",
            deposited_on=dt.date(2026, 2, 1),
        )


STATES = [
    *("FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "AR", "AU", "AT", "BE", "BG", "CA"),
    *("CL", "CN", "CO", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "IE", "IT", "LV", "LT"),
    *("LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "US", "VN"),
]


def _kind(country):
    """France signed in Hanoi (so that the European Union may sign) and ratifies; the others,
    which did not sign, accede."""
    return "ratification" if country == "FR" else "accession"


def test_entry_into_force_for_each_participant_under_article_65(convention):
    """The 40th instrument on 9 February 2026: in force on 10 May 2026 for the first forty
    (and the EU's approval deposited before); for later ones on the thirtieth day after their
    deposit, or on 10 May 2026 if that is later."""
    record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")
    for index, country in enumerate(STATES[:40]):
        deposit_instrument(
            convention,
            kind=_kind(country),
            country=country,
            deposited_on=dt.date(2026, 1, 1) + dt.timedelta(days=index),
        )
    record_signature(convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi")
    deposit_instrument(
        convention, kind="approval", organisation="European Union", deposited_on=dt.date(2026, 1, 5)
    )
    deposit_instrument(convention, kind="accession", country="US", deposited_on=dt.date(2026, 3, 1))
    deposit_instrument(convention, kind="accession", country="VN", deposited_on=dt.date(2026, 5, 1))

    status = convention_status(convention)
    in_force = {str(i): i.entry_into_force for i in status["instruments"]}

    assert status["entry_into_force"] == dt.date(2026, 5, 10)
    assert in_force["France"] == dt.date(2026, 5, 10)
    assert in_force["Sweden"] == dt.date(2026, 5, 10)  # the fortieth
    assert in_force["European Union"] == dt.date(2026, 5, 10)
    assert in_force["United States of America"] == dt.date(2026, 5, 10)  # 31 March < 10 May
    assert in_force["Viet Nam"] == dt.date(2026, 5, 31)  # thirtieth day after 1 May


def test_the_status_csv_follows_the_treaty_collections_layout(client, convention):
    ConferenceFactory(slug="hanoi2025", convention=convention)
    convention.register_is_partial = True
    convention.register_note = "Signatures of 25-26 October 2025 that could be verified."
    convention.save()
    record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")
    record_signature(convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi")
    deposit_instrument(
        convention, kind="acceptance", country="FR", deposited_on=dt.date(2026, 2, 3)
    )
    deposit_instrument(convention, kind="accession", country="CA", deposited_on=dt.date(2026, 2, 4))

    response = client.get("/api/v1/conferences/hanoi2025/convention.csv")

    assert response.status_code == 200
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        [
            "Participant",
            "Signature",
            "Ratification, Acceptance(A), Approval(AA), Accession(a)",
            "Entry into force",
        ],
        ["Canada", "", "4 Feb 2026 a", ""],
        ["European Union", "25 Oct 2025", "", ""],
        ["France", "25 Oct 2025", "3 Feb 2026 A", ""],
        ["Partial list", "Signatures of 25-26 October 2025 that could be verified.", "", ""],
    ]


def test_depositary_notifications_are_listed_once_each(client, convention):
    ConferenceFactory(slug="hanoi2025", convention=convention)
    record_depositary_notification(
        convention,
        reference="C.N.196.2025.TREATIES-XVIII.16",
        issued_on=dt.date(2025, 5, 13),
        subject="Opening for signature",
    )
    with pytest.raises(AlreadyRecorded):
        record_depositary_notification(
            convention,
            reference=" C.N.196.2025.TREATIES-XVIII.16",
            issued_on=dt.date(2025, 5, 14),
            subject="Again",
        )

    body = client.get("/api/v1/conferences/hanoi2025/convention/").json()

    assert body["notifications"] == [
        {
            "reference": "C.N.196.2025.TREATIES-XVIII.16",
            "issued_on": "2025-05-13",
            "subject": "Opening for signature",
            "is_illustrative": False,
        }
    ]
    assert body["is_partial"] is False


def test_the_public_status_page_lists_participants_and_says_the_list_is_partial(client, convention):
    ConferenceFactory(slug="hanoi2025", convention=convention)
    convention.register_is_partial = True
    convention.register_note = "43 of 72 signatories could be verified."
    convention.save()
    record_signature(convention, country="AT", signed_on=HANOI_DAY, place="Hanoi")
    record_signature(convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi")
    deposit_instrument(convention, kind="accession", country="CA", deposited_on=dt.date(2026, 2, 4))

    response = client.get("/convention/hanoi2025/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Partial list." in page
    assert "43 of 72 signatories could be verified." in page
    assert page.index("Canada") < page.index("European Union")
    assert "4 Feb 2026 a" in page
    assert "39 more instruments are needed for the entry into force." in page
    assert client.get("/convention/nowhere/").status_code == 404


def test_article_65_2_counts_thirty_days_from_a_later_deposit_even_the_same_day(convention):
    """A participant depositing after the fortieth instrument, even on the same day, gets the
    thirtieth day after its deposit when that comes after the convention's own date; a REIO
    depositing later too. The thirty days are the convention's field."""
    record_signature(convention, country="FR", signed_on=HANOI_DAY, place="Hanoi")
    for index, country in enumerate(STATES[:40]):
        deposit_instrument(
            convention,
            kind=_kind(country),
            country=country,
            deposited_on=dt.date(2026, 3, 1) + dt.timedelta(days=index // 10),
        )
    # The fortieth is deposited on 4 March 2026: in force on 2 June 2026 (the ninetieth day).
    deposit_instrument(convention, kind="accession", country="US", deposited_on=dt.date(2026, 3, 4))
    record_signature(convention, organisation="European Union", signed_on=HANOI_DAY, place="Hanoi")
    deposit_instrument(
        convention, kind="approval", organisation="European Union", deposited_on=dt.date(2026, 6, 1)
    )
    deposit_instrument(convention, kind="accession", country="ZA", deposited_on=dt.date(2026, 7, 1))

    in_force = {str(i): i.entry_into_force for i in convention_status(convention)["instruments"]}

    assert convention_status(convention)["entry_into_force"] == dt.date(2026, 6, 2)
    assert in_force["United States of America"] == dt.date(2026, 6, 2)  # 3 April < 2 June
    assert in_force["European Union"] == dt.date(2026, 7, 1)  # 1 June + 30 days
    assert in_force["South Africa"] == dt.date(2026, 7, 31)

    convention.days_after_later_instrument = 60
    convention.save()
    in_force = {str(i): i.entry_into_force for i in convention_status(convention)["instruments"]}
    assert in_force["South Africa"] == dt.date(2026, 8, 30)


def test_a_signature_whose_day_is_not_verified_says_so_with_its_source(client, convention):
    ConferenceFactory(slug="hanoi2025", convention=convention)
    record_signature(
        convention,
        country="LA",
        signed_on=HANOI_DAY,
        place="Hanoi",
        day_is_verified=False,
        source="Laotian Times: signed during the conference; the day is not given",
    )
    record_signature(convention, country="VN", signed_on=HANOI_DAY, place="Hanoi")

    body = client.get("/api/v1/conferences/hanoi2025/convention/").json()
    rows = list(
        csv.reader(
            io.StringIO(client.get("/api/v1/conferences/hanoi2025/convention.csv").content.decode())
        )
    )
    page = client.get("/convention/hanoi2025/").content.decode()

    (laos,) = [s for s in body["signatures"] if s["country"] == "LA"]
    assert laos["day_is_verified"] is False
    assert laos["source"].startswith("Laotian Times")
    assert [row[1] for row in rows if row[0] == "Viet Nam"] == ["25 Oct 2025"]
    assert [row[1] for row in rows if row[0].startswith("Lao")] == [
        "25 Oct 2025 or 26 Oct 2025 (day not verified)"
    ]
    assert "25 Oct 2025 or 26 Oct 2025 (day not verified)" in page
