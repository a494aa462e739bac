"""Full powers as the Treaty Handbook asks: signed by one of the three authorities, named with
their title; the copy verified, the original received; signing on the copy alone only where the
conference allows it; reasons on refusal."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.models import Convention
from sessions import services
from sessions.errors import FullPowersIssuerMissing, FullPowersNeeded, NothingToVerify
from tests.factories import HANOI, ConferenceFactory, DelegateFactory, DelegationFactory
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


def uploaded_signatory(conference, *, issued_by="", issuer=""):
    delegation = DelegationFactory(conference=conference, country="FR", language="en")
    delegate = DelegateFactory(delegation=delegation, role="head", protocol_rank="ambassador")
    signatory = services.register_signatory(delegation, delegate=delegate)
    return services.upload_full_powers(
        signatory,
        file=SimpleUploadedFile("powers.pdf", PDF, "application/pdf"),
        issued_by=issued_by,
        issuer=issuer,
    )


def test_full_powers_are_approved_only_with_the_authority_that_signed_them_and_its_title(hanoi):
    signatory = uploaded_signatory(hanoi)

    with pytest.raises(FullPowersIssuerMissing):
        services.verify_full_powers(signatory, approve=True, by="OLA")
    with pytest.raises(FullPowersIssuerMissing):
        services.verify_full_powers(
            signatory, approve=True, by="OLA", issued_by="minister", issuer="Minister of Justice"
        )
    signatory.refresh_from_db()
    assert signatory.full_powers_state == "pending"

    services.verify_full_powers(
        signatory,
        approve=True,
        by="OLA",
        issued_by="minister_for_foreign_affairs",
        issuer="  Minister for Europe and  Foreign Affairs ",
    )

    signatory.refresh_from_db()
    assert (
        signatory.full_powers_state,
        signatory.full_powers_issued_by,
        signatory.full_powers_issuer,
    ) == ("approved", "minister_for_foreign_affairs", "Minister for Europe and Foreign Affairs")


def test_a_delegation_naming_an_authority_other_than_the_three_is_refused(hanoi):
    with pytest.raises(FullPowersIssuerMissing):
        uploaded_signatory(hanoi, issued_by="ambassador", issuer="Ambassador")


def test_the_scan_alone_lets_a_signatory_sign_only_where_the_conference_allows_it(hanoi):
    signatory = uploaded_signatory(
        hanoi, issued_by="head_of_government", issuer="Prime Minister of France"
    )
    services.verify_full_powers(signatory, approve=True, by="OLA")
    signatory.refresh_from_db()

    assert (signatory.may_sign, signatory.awaits_original) == (False, True)
    assert services.assign_signing_slots(hanoi) == []
    with pytest.raises(FullPowersNeeded):
        services.record_signing(signatory)

    hanoi.provisional_signing_on_scan = True
    hanoi.save()
    signatory.refresh_from_db()
    assert (signatory.may_sign, signatory.signs_provisionally) == (True, True)
    assert [s.pk for s in services.assign_signing_slots(hanoi)] == [signatory.pk]


def test_the_original_received_lets_the_signatory_sign(hanoi):
    signatory = uploaded_signatory(
        hanoi, issued_by="head_of_state", issuer="President of the French Republic"
    )
    with pytest.raises(NothingToVerify):
        services.record_original_full_powers(signatory, by="Treaty Section")
    services.verify_full_powers(signatory, approve=True, by="OLA")
    received = dt.datetime(2025, 10, 24, 17, 0, tzinfo=HANOI)

    services.record_original_full_powers(signatory, by="Treaty Section", received_at=received)
    services.record_original_full_powers(signatory, by="someone else")  # keeps the first

    signatory.refresh_from_db()
    assert (signatory.original_received_at, signatory.original_received_by) == (
        received,
        "Treaty Section",
    )
    assert (signatory.may_sign, signatory.signs_provisionally) == (True, False)
    assert [s.slot for s in services.assign_signing_slots(hanoi)] == [1]


def test_a_new_upload_waits_for_its_own_original(hanoi):
    signatory = uploaded_signatory(
        hanoi, issued_by="head_of_state", issuer="President of the French Republic"
    )
    services.verify_full_powers(signatory, approve=True, by="OLA")
    services.record_original_full_powers(signatory, by="Treaty Section")

    services.upload_full_powers(
        signatory, file=SimpleUploadedFile("powers.pdf", PDF, "application/pdf")
    )

    signatory.refresh_from_db()
    assert (signatory.full_powers_state, signatory.original_received_at) == ("pending", None)
