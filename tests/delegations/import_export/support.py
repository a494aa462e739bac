"""Helpers, data and fixtures shared by the tests of this package."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from delegations import services
from delegations.models import ConsoleJob
from tests.console import sign_in_to_console
from tests.factories import DelegationFactory

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


def export(client, model, objects, file_format):
    """The Export button's form over a list filtered to `objects`: it starts a job, and the
    job's file is what the organiser downloads."""
    ids = ",".join(str(obj.pk) for obj in objects)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/admin/delegations/{model}/export/?id__in={ids}", {"format": file_format}
        )
    job = ConsoleJob.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/delegations/consolejob/{job.pk}/change/"
    download = client.get(f"/admin/delegations/consolejob/{job.pk}/download/")
    assert download.status_code == 200
    return b"".join(download.streaming_content)


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


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
