"""The console's imports (invitee lists, delegates) and exports (delegations, delegates, travel),
as CSV and XLSX: a preview listing every error by row, all or nothing, no passport in clear."""

import csv
import datetime as dt
import io
import os

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from delegations import passports, services
from delegations.errors import PersonAlreadyRegistered
from delegations.models import Delegate, Delegation
from tests.console import sign_in_to_console
from tests.factories import HANOI, ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the formats' positions in the import and export forms
INVITEES = ["kind", "state", "organisation", "acronym", "language", "focal_point_name"]
INVITEES += ["focal_point_email"]
PEOPLE = ["family_name", "given_names", "function", "role", "protocol_rank", "email"]
PEOPLE += ["nationality", "date_of_birth", "passport_number"]


def staff(client, *codenames):
    user = User.objects.create_user("officer", password="x" * 20, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user


@pytest.fixture
def importer(client):
    staff(client, "view_delegation", "add_delegation", "view_delegate", "add_delegate")
    return client


def csv_upload(header, *rows):
    text = io.StringIO()
    csv.writer(text).writerows([header, *rows])
    return SimpleUploadedFile("list.csv", text.getvalue().encode(), content_type="text/csv")


def xlsx_upload(header, *rows):
    book = openpyxl.Workbook()
    for row in [header, *rows]:
        book.active.append(row)
    content = io.BytesIO()
    book.save(content)
    return SimpleUploadedFile("list.xlsx", content.getvalue())


def preview(client, model, upload, file_format=CSV, **target):
    return client.post(
        f"/admin/delegations/{model}/import/",
        {"import_file": upload, "format": file_format, **target},
    )


def confirm(client, model, page):
    form = page.context["confirm_form"]
    return client.post(f"/admin/delegations/{model}/process_import/", form.initial, follow=True)


def row_errors(page):
    """{row number: [messages]} as the preview lists them."""
    return {
        row.number: [message for messages in row.error_dict.values() for message in messages]
        for row in page.context["result"].invalid_rows
    }


def france(**overrides):
    row = ["Member State", "FR", "", "", "fr", "Marie Curie", "marie@mission.example.org"]
    return [overrides.get(name, value) for name, value in zip(INVITEES, row, strict=True)]


# Invitee lists


def test_a_good_csv_invitee_list_imports_every_delegation(importer):
    conference = ConferenceFactory()
    upload = csv_upload(
        INVITEES,
        france(),
        ["member_state", "Viet Nam", "", "", "", "Nguyen Van An", "an@mofa.example.vn"],
        ["Intergovernmental organisation", "", "Asian Development Bank", "ADB", "English",
         "Jane Roe", "jane@adb.example.org"],
    )  # fmt: skip

    page = preview(importer, "delegation", upload, conference=conference.pk)
    assert page.status_code == 200
    assert page.context["result"].totals["new"] == 3
    assert Delegation.objects.count() == 0  # the preview was rolled back
    done = confirm(importer, "delegation", page)

    assert done.status_code == 200
    assert Delegation.objects.filter(conference=conference).count() == 3
    viet_nam = Delegation.objects.get(country="VN")
    assert (viet_nam.kind, viet_nam.language, viet_nam.status) == ("member_state", "en", "invited")
    adb = Delegation.objects.get(acronym="ADB")
    assert (adb.kind, adb.name, adb.country) == (
        "intergovernmental_organisation",
        "Asian Development Bank",
        "",
    )
    assert mail.outbox == []  # importing invites nobody yet


def test_a_good_xlsx_invitee_list_with_headings_as_people_write_them(importer):
    conference = ConferenceFactory()
    headings = ["Kind", "State", "Organisation", "Acronym", "Language", "Focal point name"]
    upload = xlsx_upload(
        [*headings, "Focal point e-mail"],
        ["Observer State", "Holy See", None, None, "French", "Abbé Pierre", "ap@holysee.example"],
        ["Member State", 250, None, None, "fr", "Marie Curie", "marie@mission.example.org"],
    )

    page = preview(importer, "delegation", upload, XLSX, conference=conference.pk)
    confirm(importer, "delegation", page)

    imported = Delegation.objects.filter(conference=conference).order_by("country")
    assert [(d.country.code, d.kind, d.language) for d in imported] == [
        ("FR", "member_state", "fr"),
        ("VA", "observer_state", "fr"),
    ]


def test_errors_on_rows_2_and_4_are_both_listed_and_nothing_is_imported(importer):
    conference = ConferenceFactory()
    upload = csv_upload(
        INVITEES,
        france(),
        france(state="Atlantis"),
        france(state="DE"),
        france(state="IT", focal_point_email="not-an-address"),
    )

    page = preview(importer, "delegation", upload, conference=conference.pk)

    errors = row_errors(page)
    assert list(errors) == [2, 4]
    assert errors[2] == ["Unknown country “Atlantis”: use its ISO code or its United Nations name."]
    assert errors[4] == ["Enter a valid email address."]
    assert "confirm_form" not in page.context
    assert Delegation.objects.count() == 0
    # The upload waits for no confirmation: its temporary copy is gone already.
    kept = page.context["form"].cleaned_data["import_file"].tmp_storage_name
    assert not os.path.exists(kept)


def test_a_state_twice_in_the_file_or_already_invited_is_an_error_of_its_row(importer):
    conference = ConferenceFactory()
    DelegationFactory(conference=conference, country="DE")
    upload = csv_upload(
        INVITEES,
        france(),
        france(state="France", focal_point_email="other@mission.example.org"),
        france(state="Germany"),
        ["NGO", "", "Red Crescent", "", "", "A. Person", "a@ngo.example.org"],
        ["NGO", "", "red crescent", "", "", "A. Person", "a@ngo.example.org"],
        ["Regional organisation", "JP", "", "", "", "B. Person", "b@ro.example.org"],
        ["Space agency", "", "ESA", "", "", "C. Person", "c@esa.example.org"],
    )

    page = preview(importer, "delegation", upload, conference=conference.pk)

    assert row_errors(page) == {
        2: ["This State already has a delegation."],
        3: ["This State already has a delegation."],
        5: ["This organisation already has a delegation at the conference."],
        6: ["A State delegation needs its country; an organisation needs its name."],
        7: [
            "Unknown kind of delegation “Space agency”: use one of member_state, observer_state, "
            "regional_organisation, intergovernmental_organisation, un_entity, ngo, "
            "private_sector, academia, media."
        ],
    }
    assert Delegation.objects.filter(conference=conference).count() == 1


def test_a_file_without_a_required_column_says_which(importer):
    upload = csv_upload(["kind", "state"], ["Member State", "FR"])

    page = preview(importer, "delegation", upload, conference=ConferenceFactory().pk)

    (error,) = page.context["result"].base_errors
    assert error.error.messages == [
        "The file has no column focal_point_name, focal_point_email. Its first row names the "
        "columns: kind, state, organisation, acronym, language, focal_point_name, "
        "focal_point_email."
    ]
    assert "Traceback" not in page.content.decode()
    assert Delegation.objects.count() == 0


def test_a_state_invited_between_preview_and_confirmation_stops_the_whole_import(importer):
    conference = ConferenceFactory()
    page = preview(
        importer, "delegation", csv_upload(INVITEES, france(state="DE"), france()),
        conference=conference.pk,
    )  # fmt: skip
    DelegationFactory(conference=conference, country="FR")

    done = confirm(importer, "delegation", page)

    assert [str(m) for m in done.context["messages"]] == [
        "Nothing was imported: the data changed since the preview. Upload the file again to "
        "see the rows in error."
    ]
    assert list(Delegation.objects.values_list("country", flat=True)) == ["FR"]


# Delegates


@pytest.fixture
def confirmed():
    return DelegationFactory(status="confirmed")


def person(family, role="Member", rank="Delegate", **overrides):
    row = {
        "family_name": family,
        "given_names": "Alex",
        "function": "Adviser",
        "role": role,
        "protocol_rank": rank,
        "email": f"{family.lower()}@mission.example.org",
        "nationality": "FR",
        "date_of_birth": "1970-05-01",
        "passport_number": "",
    } | overrides
    return [row[name] for name in PEOPLE]


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


# Exports


def export(client, model, objects, file_format):
    pks = [obj.pk for obj in objects]
    form = client.post(
        f"/admin/delegations/{model}/",
        {"action": "export_admin_action", "_selected_action": pks},
    )
    assert form.status_code == 200
    response = client.post(
        f"/admin/delegations/{model}/export/", {"format": file_format, "export_items": pks}
    )
    assert response.status_code == 200
    return response.content


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode())))


def xlsx_rows(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def registered(confirmed):
    services.save_delegate(
        confirmed,
        family_name="DUPONT",
        given_names="Jean",
        role="head",
        protocol_rank="minister",
        date_of_birth=dt.date(1970, 5, 1),
        passport_number="19AB12345",
    )
    services.save_delegate(confirmed, family_name="=HYPERLINK(1)", given_names="Eve")
    return confirmed


def test_the_delegations_export_as_csv_and_xlsx(client, registered):
    DelegationFactory(conference=registered.conference, country="DE")  # not selected
    staff(client, "view_delegation")

    (row,) = csv_rows(export(client, "delegation", [registered], CSV))
    (sheet_row,) = xlsx_rows(export(client, "delegation", [registered], XLSX))

    assert row == {
        "delegation": "France",
        "kind": "Member State",
        "state": "FR",
        "organisation": "",
        "acronym": "",
        "language": "French",
        "focal_point_name": "Focal Point",
        "focal_point_email": registered.focal_point_email,
        "status": "Confirmed",
        "delegates": "2",
        "submitted_at": "",
        "conference": registered.conference.slug,
    }
    assert (sheet_row["delegation"], sheet_row["delegates"]) == ("France", 2)


def test_the_delegates_export_shows_passports_masked_and_formulas_as_text(client, registered):
    staff(client, "view_delegate")
    delegates = registered.delegates.all()
    dupont = delegates.get(family_name="DUPONT")

    as_csv = export(client, "delegate", delegates, CSV)
    as_xlsx = export(client, "delegate", delegates, XLSX)

    rows = {row["given_names"]: row for row in csv_rows(as_csv)}
    assert rows["Jean"]["passport_number"] == "••••2345"
    assert rows["Jean"]["protocol_rank"] == "Minister"
    assert rows["Jean"]["date_of_birth"] == "1970-05-01"
    assert rows["Eve"]["family_name"] == "'=HYPERLINK(1)"
    cells = [value for row in xlsx_rows(as_xlsx) for value in row.values()]
    assert "••••2345" in cells
    assert "'=HYPERLINK(1)" in cells
    assert dt.datetime(1970, 5, 1) in cells
    for content in (as_csv, "\n".join(str(cell) for cell in cells).encode()):
        assert b"19AB12345" not in content
        assert dupont.passport_number_encrypted.encode() not in content
        assert dupont.passport_fingerprint.encode() not in content


def test_the_travel_export_gives_local_times(client, registered):
    dupont = registered.delegates.get(family_name="DUPONT")
    travel = services.save_travel(
        dupont,
        arrives_at=dt.datetime(2025, 10, 24, 10, 30, tzinfo=HANOI),
        arrival_flight="VN18",
        hotel="Lotte",
        transfer="both",
    )
    staff(client, "view_travel")

    (row,) = csv_rows(export(client, "travel", [travel], CSV))

    assert (row["delegation"], row["family_name"], row["arrival"], row["arrival_flight"]) == (
        "France",
        "DUPONT",
        "2025-10-24 10:30",
        "VN18",
    )
    assert (row["departure"], row["hotel"], row["transfer"]) == (
        "",
        "Lotte",
        "On arrival and departure",
    )


# Permissions


def test_a_staff_member_without_the_add_permission_cannot_import(client):
    staff(client, "view_delegation", "change_delegation", "view_delegate", "change_delegate")
    conference = ConferenceFactory()

    pages = [
        client.get("/admin/delegations/delegation/import/"),
        preview(client, "delegation", csv_upload(INVITEES, france()), conference=conference.pk),
        client.post("/admin/delegations/delegation/process_import/", {}),
        client.get("/admin/delegations/delegate/import/"),
    ]
    changelist = client.get("/admin/delegations/delegation/").content.decode()

    assert [page.status_code for page in pages] == [403, 403, 403, 403]
    assert "/admin/delegations/delegation/import/" not in changelist
    assert Delegation.objects.count() == 0


def test_a_staff_member_without_the_view_permission_cannot_export(client, registered):
    staff(client, "view_delegation")

    response = client.post(
        "/admin/delegations/delegate/export/",
        {"format": CSV, "export_items": [d.pk for d in registered.delegates.all()]},
    )

    assert response.status_code == 403
