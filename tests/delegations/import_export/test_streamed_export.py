"""The delegates' export job streams its rows from one query, and writes the resource's file.

The export resource (`DelegateExportResource`, django-import-export) is the reference: the job's
file must hold its cells exactly, in every language, with passport numbers masked and formulas
kept as text; and the job's queries must not grow with the rows.
"""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from delegations.admin.jobs import selected_rows
from delegations.enums import AccreditationStatus, DelegationKind
from delegations.models import ConsoleJob, Delegate, JobKind, JobState, OutboundMessage
from delegations.resources import DelegateExportResource
from delegations.resources.streamed import delegate_rows
from delegations.services import jobs
from tests.factories import DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(registered):
    """The registered delegation (DUPONT with a passport, "=HYPERLINK(1)"), and cells of every
    kind: an organisation whose name starts like a formula, an Arabic-speaking State, ranks with
    and without a photo, typed text with control characters, empty dates and badges."""
    conference = registered.conference
    organisation = DelegationFactory(
        conference=conference,
        kind=DelegationKind.INTERGOVERNMENTAL_ORGANISATION,
        country="",
        name="-Organisation\x07 of States",
    )
    algeria = DelegationFactory(conference=conference, country="DZ")
    DelegateFactory(
        delegation=organisation,
        conference=conference,
        title="@Dr",
        family_name="+SMITH",
        given_names="Ann\x0b",
        function="\tLegal adviser",
        email="=cmd@example.org",
        role="adviser",
        protocol_rank="head_of_state",
        nationality="GB",
        badge_category="security",
        badge_number="=1+2",
        accreditation_status=AccreditationStatus.ACCREDITED,
        passport_last4="9876",
    )
    DelegateFactory(
        delegation=algeria,
        conference=conference,
        family_name="BENALI",
        given_names="Karim",
        role="member",
        protocol_rank="ambassador",
        nationality="DZ",
        date_of_birth=dt.date(1965, 1, 31),
        photo="delegates/benali.jpg",
        accreditation_status=AccreditationStatus.REJECTED,
    )
    return conference


def console_rows():
    """The delegates as the console's list gives them: its filter, its order."""
    officer = User.objects.create_user("reader", is_staff=True)
    officer.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    job = ConsoleJob(
        kind=JobKind.EXPORT_CSV,
        variant="delegates",
        selection={"params": {}, "ids": None},
        requested_by=officer,
    )
    return selected_rows(job)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("native", [False, True], ids=["csv", "xlsx"])
def test_the_streamed_rows_are_the_resources_rows_in_every_language(varied, language, native):
    rows = console_rows()

    with translation.override(language):
        expected = list(jobs.export_rows(DelegateExportResource(), rows, native=native))
        streamed = list(delegate_rows(rows, native=native))

    assert streamed == expected
    assert len(streamed) == 5
    assert streamed[0] == DelegateExportResource().get_export_headers()


def test_the_streamed_rows_mask_passports_and_keep_formulas_as_text(varied):
    with translation.override("fr"):
        header, *rows = delegate_rows(console_rows())
    by_name = {
        row[header.index("given_names")]: dict(zip(header, row, strict=True)) for row in rows
    }

    assert by_name["Jean"]["passport_number"] == "••••2345"
    assert by_name["Jean"]["protocol_rank"] == "Ministre"
    assert by_name["Eve"]["family_name"] == "'=HYPERLINK(1)"
    assert {name: by_name["Ann"][name] for name in header if name != "photo"} == {
        "delegation": "'-Organisation of States",
        "title": "'@Dr",
        "family_name": "'+SMITH",
        "given_names": "Ann",
        "function": "'\tLegal adviser",
        "role": "Conseiller",
        "protocol_rank": "Chef d'État",
        "email": "'=cmd@example.org",
        "nationality": "GB",
        "date_of_birth": "",
        "passport_number": "••••9876",
        "badge_category": "Sécurité",
        "badge_number": "'=1+2",
        "accreditation": "Accréditation accordée",
    }
    assert (by_name["Karim"]["delegation"], by_name["Karim"]["date_of_birth"]) == (
        "Algérie",
        "1965-01-31",
    )
    assert "19AB12345" not in repr(rows)


def run_export(officer, kind, language="en"):
    job = jobs.request_job(user=officer, kind=kind, variant="delegates", params={}, ids=None)
    with translation.override(language):
        jobs.run_job(ConsoleJob.objects.get(pk=job.pk), select=selected_rows)
    return ConsoleJob.objects.get(pk=job.pk)


@pytest.fixture
def officer():
    user = User.objects.create_user("officer", email="officer@un.example.org", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    return user


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_csv_job_writes_the_resources_file_byte_for_byte(
    varied, officer, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        job = run_export(officer, JobKind.EXPORT_CSV, language)
    with translation.override(language):
        expected = io.StringIO(newline="")
        csv.writer(expected).writerows(
            jobs.export_rows(DelegateExportResource(), selected_rows(job))
        )

    with job.file.open("rb") as written:
        assert written.read() == ("\ufeff" + expected.getvalue()).encode()
    assert (job.state, job.total, job.progress, job.percent) == (JobState.DONE, 4, 4, 100)
    (message,) = OutboundMessage.objects.filter(idempotency_key=f"console-job-{job.pk}-done")
    assert message.to == "officer@un.example.org"
    # Sent after commit: the job's task when it was requested, then the e-mail when it is done.
    assert len(callbacks) == 2


def test_the_xlsx_job_writes_the_resources_cells(varied, officer):
    job = run_export(officer, JobKind.EXPORT_XLSX, "ar")
    with translation.override("ar"):
        expected = list(jobs.export_rows(DelegateExportResource(), selected_rows(job), native=True))

    with job.file.open("rb") as written:
        sheet = openpyxl.load_workbook(io.BytesIO(written.read()), read_only=True).worksheets[0]
        cells = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]

    # Empty text reads back as None, and a date as a midnight datetime.
    assert cells == [
        [
            None
            if cell in ("", None)
            else dt.datetime.combine(cell, dt.time())
            if isinstance(cell, dt.date)
            else cell
            for cell in row
        ]
        for row in expected
    ]
    assert "••••2345" in cells[1] + cells[2] + cells[3] + cells[4]
    assert (job.state, job.progress, job.percent) == (JobState.DONE, 4, 100)


def add_delegates(delegation, count, start):
    Delegate.objects.bulk_create(
        Delegate(
            delegation=delegation,
            conference_id=delegation.conference_id,
            family_name=f"=BULK{start + n}",
            given_names="Alex",
            passport_last4=f"{n % 10000:04d}",
        )
        for n in range(count)
    )


def queries_of_an_export(officer, kind):
    with CaptureQueriesContext(connection) as queries:
        job = run_export(officer, kind)
    return len(queries), job


@pytest.mark.parametrize("kind", [JobKind.EXPORT_CSV, JobKind.EXPORT_XLSX])
def test_the_export_job_runs_as_many_queries_at_20000_rows_as_at_10000(officer, kind):
    delegation = DelegationFactory()
    add_delegates(delegation, 10_000, start=0)
    at_10000, small = queries_of_an_export(officer, kind)
    add_delegates(delegation, 10_000, start=10_000)

    at_20000, large = queries_of_an_export(officer, kind)

    assert at_20000 == at_10000
    assert (small.total, large.total, large.progress) == (10_000, 20_000, 20_000)
