"""Badges: the PDF."""

import io

import pytest
from django.core import signing
from pypdf import PdfReader
from reportlab.lib.units import mm

from delegations import services
from delegations.documents.badges import A4_SHEET, A6_PAGE, badge_qr, badges_pdf
from delegations.qr import badge_id_from_payload, badge_payload
from tests.delegations.badges.support import (
    _images,
    _qr_matrix_in_pdf,
    _text,
    accredited,
    with_photo,
)
from tests.factories import (
    DelegationFactory,
    OrganisationDelegationFactory,
)


@pytest.mark.django_db
def test_badge_pdf_shows_what_the_door_needs_and_no_private_data(conference):
    delegate = with_photo(
        accredited(
            conference,
            family_name="Dupont",
            given_names="Jean Marie",
            function="Director of legal affairs",
            badge_category="head_of_delegation",
            email="jean.dupont@mission.example.org",
            phone="+33 1 23 45 67 89",
            passport_last4="9876",
            passport_number_encrypted="gAAAAAsecret",
        )
    )
    badge = services.issue_badge(delegate)

    text = _text(badges_pdf([badge]))

    for expected in [
        "DUPONT",
        "Jean Marie",
        "Director of legal affairs",
        "France",
        "HAN-000001",
        "Plenary hall · VIP lounge",
        "HEAD OF DELEGATION",
    ]:
        assert expected in text, expected
    for private in ["9876", "mission.example.org", "23 45", "secret", "Dupont"]:
        assert private not in text, private


@pytest.mark.django_db
def test_badge_pdf_prints_vietnamese_names(conference):
    host = DelegationFactory(conference=conference, country="VN", language="vi")
    badge = services.issue_badge(
        accredited(
            delegation=host,
            family_name="Lương",
            given_names="Tam Quang",
            function="Bộ trưởng Bộ Công an",
            protocol_rank="minister",
        )
    )

    text = _text(badges_pdf([badge]))

    assert "LƯƠNG" in text
    assert "Bộ trưởng Bộ Công an" in text
    assert "Viet Nam" in text


@pytest.mark.django_db
def test_badge_pdf_has_the_photo_scaled_down(conference):
    organisation = OrganisationDelegationFactory(conference=conference)
    badge = services.issue_badge(with_photo(accredited(delegation=organisation), (1200, 1500)))

    (photo,) = _images(badges_pdf([badge]))

    assert photo.size == (236, 295)  # 20 x 25 mm at 300 dpi


@pytest.mark.django_db
def test_badge_pdf_prints_an_empty_frame_when_the_photo_file_is_gone(conference):
    organisation = OrganisationDelegationFactory(conference=conference)
    delegate = with_photo(accredited(delegation=organisation, family_name="Dupont"))
    badge = services.issue_badge(delegate)
    delegate.photo.storage.delete(delegate.photo.name)

    pdf = badges_pdf([badge])

    assert _images(pdf) == []
    assert "DUPONT" in _text(pdf)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rank", ["head_of_state", "head_of_government", "vice_president", "crown_prince"]
)
def test_badge_pdf_has_no_photo_for_the_exempt_ranks(conference, rank):
    organisation = OrganisationDelegationFactory(conference=conference)
    badge = services.issue_badge(
        with_photo(accredited(delegation=organisation, protocol_rank=rank))
    )

    assert _images(badges_pdf([badge])) == []


@pytest.mark.django_db
def test_badge_pdf_has_the_flag_of_a_state_and_none_for_an_organisation(conference):
    state = services.issue_badge(accredited(conference, protocol_rank="head_of_state"))
    organisation = services.issue_badge(
        accredited(
            delegation=OrganisationDelegationFactory(conference=conference),
            protocol_rank="head_of_state",
        )
    )

    (flag,) = _images(badges_pdf([state]))

    assert flag.size == (16, 11)  # django-countries' flag of France
    assert _images(badges_pdf([organisation])) == []


@pytest.mark.django_db
def test_badge_qr_code_carries_the_signed_badge_id_only(conference):
    badge = services.issue_badge(accredited(conference, family_name="Dupont"))

    drawn = _qr_matrix_in_pdf(badges_pdf([badge]))
    payload = badge_payload(badge)

    assert drawn == [bytes(row) for row in badge_qr(badge).matrix]
    assert badge_qr(badge) == badge_qr(badge)  # the same payload, the same code
    assert badge_id_from_payload(payload) == badge.pk
    assert payload.split(":")[0] == str(badge.pk)
    assert "Dupont" not in payload
    assert "DUPONT" not in payload
    with pytest.raises(signing.BadSignature):
        badge_id_from_payload(f"{badge.pk + 1}:{payload.split(':', 1)[1]}")


@pytest.mark.django_db
def test_badges_print_one_per_card_or_eight_per_sheet(conference):
    delegations = [
        DelegationFactory(conference=conference, country=country)
        for country in ["FR", "DE", "IT", "ES", "PT", "BE", "NL", "AT", "PL"]
    ]
    badges = [services.issue_badge(accredited(delegation=d)) for d in delegations]

    cards = PdfReader(io.BytesIO(badges_pdf(badges))).pages
    a6 = PdfReader(io.BytesIO(badges_pdf(badges[:1], layout=A6_PAGE))).pages
    sheets = PdfReader(io.BytesIO(badges_pdf(badges, layout=A4_SHEET))).pages

    assert len(cards) == 9
    assert [round(float(value) / mm, 1) for value in cards[0].mediabox[2:]] == [85.6, 54.0]
    assert [round(float(value) / mm) for value in a6[0].mediabox[2:]] == [148, 105]
    assert len(sheets) == 2
    assert "HAN-000008" in sheets[0].extract_text()
    assert "HAN-000009" in sheets[1].extract_text()
