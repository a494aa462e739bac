"""Imports and exports: delegates."""

import datetime as dt
import os

import pytest

from delegations import passports, services
from delegations.errors import PersonAlreadyRegistered
from delegations.models import Delegate
from tests.delegations.import_export.support import (
    PEOPLE,
    XLSX,
    confirm,
    csv_upload,
    person,
    preview,
    row_errors,
    xlsx_upload,
)
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def test_a_good_csv_of_delegates_imports_them_with_passports_encrypted(importer, confirmed):
    upload = csv_upload(
        PEOPLE,
        person("DUPONT", "Head of delegation", "minister", passport_number="19ab 12345"),
        person("MARTIN", "adviser", "Senior official", nationality="France"),
        person("DURAND", "security", date_of_birth="31/12/1980"),
        [""] * len(PEOPLE),
    )

    page = preview(importer, "delegate", upload, delegation=confirmed.pk)
    shown = page.content.decode()
    waiting = page.context["confirm_form"].initial["import_file_name"]
    with open(waiting, "rb") as copy:
        kept = copy.read()
    confirm(importer, "delegate", page)

    assert b"DUPONT" not in kept  # the copy waiting for confirmation is encrypted
    assert not os.path.exists(waiting)

    assert "19AB12345" not in shown
    assert "19ab 12345" not in shown
    assert "••••2345" in shown
    delegates = {d.family_name: d for d in confirmed.delegates.all()}
    assert sorted(delegates) == ["DUPONT", "DURAND", "MARTIN"]
    dupont = delegates["DUPONT"]
    assert (dupont.role, dupont.protocol_rank, dupont.badge_category) == (
        "head",
        "minister",
        "head_of_delegation",
    )
    assert "19AB12345" not in dupont.passport_number_encrypted
    assert passports.decrypt(dupont.passport_number_encrypted) == "19AB12345"
    assert dupont.masked_passport == "••••2345"
    assert dupont.passport_fingerprint == passports.fingerprint("19AB12345", dt.date(1970, 5, 1))
    assert delegates["DURAND"].date_of_birth == dt.date(1980, 12, 31)
    assert delegates["DURAND"].badge_category == "security"


def test_a_good_xlsx_of_delegates_keeps_spreadsheet_dates_as_dates(importer, confirmed):
    born = dt.datetime(1975, 3, 9)
    upload = xlsx_upload(
        PEOPLE,
        person("NGUYEN", date_of_birth=born, passport_number="C1234567"),
        person("TRAN", date_of_birth=None, nationality="VNM"),
    )

    page = preview(importer, "delegate", upload, XLSX, delegation=confirmed.pk)
    confirm(importer, "delegate", page)

    nguyen, tran = confirmed.delegates.order_by("family_name")
    assert nguyen.date_of_birth == born.date()
    assert nguyen.passport_fingerprint == passports.fingerprint("C1234567", born.date())
    assert (tran.date_of_birth, tran.nationality.code) == (None, "VN")


def test_delegate_rows_in_error_are_all_listed_and_none_is_imported(importer, confirmed):
    services.save_delegate(
        confirmed, family_name="LEROY", given_names="Alex", date_of_birth=dt.date(1970, 5, 1)
    )
    upload = csv_upload(
        PEOPLE,
        person("DUPONT", "head", "ambassador", passport_number="X9999999"),
        person("MOREAU", "head", "ambassador"),
        person("PETIT", rank="Grand Vizier"),
        person("LEROY"),
        person("BLANC", passport_number="x 9999999"),
        person("ROUX", passport_number="Z1", date_of_birth=""),
        person("FAURE", email="faure@", nationality="Atlantis"),
    )

    page = preview(importer, "delegate", upload, delegation=confirmed.pk)

    errors = row_errors(page)
    assert errors[2] == ["This delegation already has a head of delegation."]
    assert errors[3][0].startswith("Unknown protocol rank “Grand Vizier”: use one of")
    assert errors[4] == ["This person is already registered in this delegation."]
    assert errors[5] == [str(PersonAlreadyRegistered.default_message)]
    assert errors[6] == ["Give the date of birth with the passport number."]
    assert sorted(errors[7]) == [
        "Enter a valid email address.",
        "Unknown country “Atlantis”: use its ISO code or its United Nations name.",
    ]
    assert list(errors) == [2, 3, 4, 5, 6, 7]
    assert "X9999999" not in page.content.decode()
    assert list(confirmed.delegates.values_list("family_name", flat=True)) == ["LEROY"]


def test_the_delegation_quota_holds_within_the_file(importer, confirmed):
    upload = csv_upload(PEOPLE, *(person(f"MEMBER{n}") for n in range(6)))

    page = preview(importer, "delegate", upload, delegation=confirmed.pk)

    assert row_errors(page) == {
        6: ["Your delegation has used all its badges of the category Delegate (5)."]
    }
    assert confirmed.delegates.count() == 0


def test_delegates_are_imported_only_into_an_open_registration(importer):
    invited = DelegationFactory(status="invited")

    page = preview(importer, "delegate", csv_upload(PEOPLE, person("A")), delegation=invited.pk)

    assert page.context["form"].errors["delegation"] == [
        "The registration of France is not open (it must be confirmed, and not yet submitted "
        "or past its deadline): reopen it first."
    ]
    assert Delegate.objects.count() == 0
