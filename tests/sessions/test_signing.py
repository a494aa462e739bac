import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.models import Convention
from delegations.errors import InvalidDocument
from sessions import services
from sessions.errors import (
    FullPowersNeeded,
    NoConventionToSign,
    NotAStateDelegation,
    NothingToVerify,
    ReasonRequired,
)
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
)
from tests.pdfs import pdf_bytes

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def hanoi():
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
    )
    return ConferenceFactory(host_country="VN", lot_letter="A", convention=convention)


def signatory_of(conference, country, rank):
    delegation = DelegationFactory(conference=conference, country=country, language="en")
    delegate = DelegateFactory(delegation=delegation, role="head", protocol_rank=rank)
    return services.register_signatory(delegation, delegate=delegate)


@pytest.mark.parametrize(
    ("rank", "state"),
    [
        ("head_of_state", "not_required"),
        ("head_of_government", "not_required"),
        ("minister_for_foreign_affairs", "not_required"),
        ("minister", "missing"),
        ("ambassador", "missing"),
        ("vice_president", "missing"),
    ],
)
def test_full_powers_are_needed_unless_head_of_state_government_or_foreign_minister(
    hanoi, rank, state
):
    assert signatory_of(hanoi, "FR", rank).full_powers_state == state


def test_only_a_state_or_a_regional_economic_integration_organisation_signs(hanoi):
    council = OrganisationDelegationFactory(
        conference=hanoi, kind="regional_organisation", name="Council of Europe", acronym="CoE"
    )
    union = OrganisationDelegationFactory(
        conference=hanoi, kind="reio", name="European Union", acronym="EU"
    )

    with pytest.raises(NotAStateDelegation):
        services.register_signatory(council, delegate=DelegateFactory(delegation=council))
    eu = services.register_signatory(
        union, delegate=DelegateFactory(delegation=union, protocol_rank="head_of_organisation")
    )

    assert eu.full_powers_state == "missing"
    assert list(hanoi.signatories.values_list("delegation__acronym", flat=True)) == ["EU"]


def test_full_powers_must_be_a_pdf(hanoi):
    signatory = signatory_of(hanoi, "FR", "minister")

    for bad in (b"MZ\x90\x00 not a pdf", b""):
        with pytest.raises(InvalidDocument):
            services.upload_full_powers(
                signatory, file=SimpleUploadedFile("powers.pdf", bad, "application/pdf")
            )

    signatory.refresh_from_db()
    assert (signatory.full_powers_state, signatory.full_powers.name) == ("missing", "")


def test_the_signing_order_holds_only_those_who_may_sign_host_first(
    hanoi, django_capture_on_commit_callbacks
):
    host = signatory_of(hanoi, "VN", "minister")
    signatory_of(hanoi, "BR", "head_of_state")
    austria = signatory_of(hanoi, "AT", "minister")  # full powers never verified
    chile = signatory_of(hanoi, "CL", "ambassador")
    for signatory in (host, chile):
        services.upload_full_powers(
            signatory, file=SimpleUploadedFile("powers.pdf", PDF, "application/pdf")
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.verify_full_powers(
            host,
            approve=True,
            by="accreditation",
            issued_by="minister_for_foreign_affairs",
            issuer="Minister for Foreign Affairs of Viet Nam",
        )
        services.verify_full_powers(chile, approve=False, by="legal", reason="Not signed.")
        with pytest.raises(ReasonRequired):
            services.verify_full_powers(chile, approve=False, by="legal", reason=" ")

    services.record_original_full_powers(host, by="Treaty Section")
    order = services.assign_signing_slots(hanoi)

    assert [(s.delegation.country.code, s.slot) for s in order] == [("VN", 1), ("BR", 2)]
    austria.refresh_from_db()
    assert austria.slot is None
    assert [m.subject for m in mail.outbox] == [
        f"Full powers verified: {host.delegate.full_name}",
        f"Full powers not accepted: {chile.delegate.full_name}",
    ]
    assert "for this reason: Not signed." in mail.outbox[-1].body


def test_a_signature_is_recorded_with_date_and_place_and_the_delegation_told(
    hanoi, django_capture_on_commit_callbacks
):
    signatory = signatory_of(hanoi, "BR", "head_of_state")
    unverified = signatory_of(hanoi, "AT", "minister")
    services.assign_signing_slots(hanoi)

    with time_machine.travel(dt.datetime(2025, 10, 25, 10, 40, tzinfo=HANOI)):
        with django_capture_on_commit_callbacks(execute=True):
            services.record_signing(signatory)
        with pytest.raises(FullPowersNeeded):
            services.record_signing(unverified)

    (signature,) = hanoi.convention.signatures.all()
    assert (signature.country.code, signature.signed_on, signature.place) == (
        "BR",
        dt.date(2025, 10, 25),
        "Hanoi",
    )
    assert mail.outbox[-1].subject == "Signature recorded: Brazil"
    assert "25 October 2025, 10:40 (Hanoi time, UTC+7)" in mail.outbox[-1].body


def test_only_uploaded_full_powers_can_be_verified(hanoi, django_capture_on_commit_callbacks):
    signatory = signatory_of(hanoi, "FR", "ambassador")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NothingToVerify):
        services.verify_full_powers(signatory, approve=True, by="protocol")

    signatory.refresh_from_db()
    assert signatory.full_powers_state == "missing"
    assert mail.outbox == []


def test_a_conference_without_a_convention_records_no_signature():
    conference = ConferenceFactory(host_country="VN", lot_letter="A")
    signatory = signatory_of(conference, "VN", "head_of_state")
    services.assign_signing_slots(conference)
    signatory.refresh_from_db()

    with pytest.raises(NoConventionToSign):
        services.record_signing(signatory)

    signatory.refresh_from_db()
    assert signatory.signed_at is None


def test_a_ceremony_entered_afterwards_keeps_the_recorded_signature_and_signs_once(hanoi):
    from conference.services import record_signature

    signatory = signatory_of(hanoi, "VN", "head_of_state")
    services.assign_signing_slots(hanoi)
    record_signature(hanoi.convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")
    when = dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI)

    services.record_signing(signatory, signed_at=when)
    services.record_signing(signatory)  # again: nothing changes, nothing is sent

    signatory.refresh_from_db()
    assert signatory.signed_at == when
    assert hanoi.convention.signatures.filter(country="VN").count() == 1
    assert len([m for m in mail.outbox if "Viet Nam" in m.subject]) <= 1


def test_the_union_signs_in_the_ceremony_only_once_one_of_its_member_states_has(hanoi):
    """Art. 64(2) in the ceremony: the European Union's turn is refused, and nothing recorded,
    until one of its member States has signed; then it signs."""
    from conference.errors import NoMemberStateSigned
    from conference.services import record_signature

    hanoi.convention.regional_organisations = ["European Union"]
    hanoi.convention.regional_organisation_members = {"European Union": ["AT", "FR"]}
    hanoi.convention.save()
    union = OrganisationDelegationFactory(
        conference=hanoi, kind="reio", name="European Union", acronym="EU"
    )
    eu = services.register_signatory(
        union, delegate=DelegateFactory(delegation=union, protocol_rank="head_of_organisation")
    )
    services.upload_full_powers(eu, file=SimpleUploadedFile("powers.pdf", PDF, "application/pdf"))
    services.verify_full_powers(
        eu,
        approve=True,
        by="legal",
        issued_by="minister_for_foreign_affairs",
        issuer="High Representative of the Union for Foreign Affairs and Security Policy",
    )
    services.record_original_full_powers(eu, by="Treaty Section")
    services.assign_signing_slots(hanoi)
    eu.refresh_from_db()
    when = dt.datetime(2025, 10, 25, 11, 0, tzinfo=HANOI)

    with pytest.raises(NoMemberStateSigned):
        services.record_signing(eu, signed_at=when)
    eu.refresh_from_db()
    assert eu.signed_at is None
    assert not hanoi.convention.signatures.exists()

    record_signature(hanoi.convention, country="FR", signed_on=when.date(), place="Hanoi")
    services.record_signing(eu, signed_at=when)

    eu.refresh_from_db()
    assert eu.signed_at == when
    assert hanoi.convention.signatures.filter(organisation="European Union").count() == 1
