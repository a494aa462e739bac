"""Console jobs: exports of any size run as a task, and their file goes to the one who asked."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from delegations.admin.jobs import selected_rows
from delegations.models import ConsoleJob, Delegate, JobKind, JobState, OutboundMessage
from delegations.services import jobs
from tests.console import sign_in_to_console
from tests.delegations.import_export.support import csv_rows, staff, xlsx_rows
from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db

DELEGATES = "/admin/delegations/delegate/"


def download(client, job):
    return client.get(f"/admin/delegations/consolejob/{job.pk}/download/")


def content(response):
    return b"".join(response.streaming_content)


def run_action(client, capture, action, **data):
    with capture(execute=True):
        response = client.post(DELEGATES, {"action": action, **data})
    return response, ConsoleJob.objects.latest("pk")


def test_the_csv_job_writes_every_row_with_passports_masked_and_formulas_as_text(
    client, registered, django_capture_on_commit_callbacks
):
    staff(client, "view_delegate")
    pks = [d.pk for d in registered.delegates.all()]

    response, job = run_action(
        client, django_capture_on_commit_callbacks, "export_csv_job", _selected_action=pks
    )
    rows = {row["given_names"]: row for row in csv_rows(content(download(client, job)))}

    assert response.status_code == 302
    assert response["Location"] == f"/admin/delegations/consolejob/{job.pk}/change/"
    assert (job.state, job.kind, job.variant, job.total, job.progress) == (
        JobState.DONE,
        JobKind.EXPORT_CSV,
        "delegates",
        2,
        2,
    )
    assert sorted(rows) == ["Eve", "Jean"]
    assert rows["Jean"]["passport_number"] == "••••2345"
    assert rows["Jean"]["family_name"] == "DUPONT"
    assert rows["Jean"]["protocol_rank"] == "Minister"
    assert rows["Eve"]["family_name"] == "'=HYPERLINK(1)"
    assert b"19AB12345" not in content(download(client, job))


def test_the_xlsx_job_writes_a_readable_workbook(
    client, registered, django_capture_on_commit_callbacks
):
    staff(client, "view_delegate")
    pks = [d.pk for d in registered.delegates.all()]

    _response, job = run_action(
        client, django_capture_on_commit_callbacks, "export_xlsx_job", _selected_action=pks
    )
    workbook = content(download(client, job))
    rows = {row["given_names"]: row for row in xlsx_rows(workbook)}

    assert job.file.name.endswith(".xlsx")
    assert sorted(rows) == ["Eve", "Jean"]
    assert rows["Jean"]["passport_number"] == "••••2345"
    assert rows["Eve"]["family_name"] == "'=HYPERLINK(1)"
    assert openpyxl.load_workbook(io.BytesIO(workbook)).active.max_row == 3


def test_select_all_carries_the_filter_past_the_field_limit(
    client, registered, settings, django_capture_on_commit_callbacks
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    DelegateFactory.create_batch(12, delegation=registered)
    other = DelegateFactory(family_name="OUTSIDE")  # another delegation, filtered out
    staff(client, "view_delegate")
    one_page_tick = registered.delegates.first().pk

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{DELEGATES}?delegation__id__exact={registered.pk}",
            {"action": "export_csv_job", "select_across": "1", "_selected_action": one_page_tick},
        )
    job = ConsoleJob.objects.get()
    rows = csv_rows(content(download(client, job)))

    assert response.status_code == 302
    assert len(rows) == 14 == registered.delegates.count()
    assert other.family_name not in {row["family_name"] for row in rows}


def test_a_job_that_lists_ids_would_exceed_the_field_limit(client, registered, settings):
    """Negative control: posting each id, as django-import-export's form did, answers 400."""
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    DelegateFactory.create_batch(12, delegation=registered)
    staff(client, "view_delegate")

    response = client.post(
        DELEGATES,
        {"action": "export_csv_job", "_selected_action": [d.pk for d in Delegate.objects.all()]},
    )

    assert response.status_code == 400


def test_the_download_is_refused_to_another_organiser(
    client, registered, django_capture_on_commit_callbacks
):
    staff(client, "view_delegate")
    _response, job = run_action(
        client,
        django_capture_on_commit_callbacks,
        "export_csv_job",
        _selected_action=[registered.delegates.first().pk],
    )
    colleague = User.objects.create_user("colleague", password="x" * 20, is_staff=True)
    colleague.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    sign_in_to_console(client, colleague)

    assert download(client, job).status_code == 403
    assert client.get(f"/admin/delegations/consolejob/{job.pk}/change/").status_code == 302


def test_the_download_is_refused_when_the_role_lost_the_permission(
    client, registered, django_capture_on_commit_callbacks
):
    officer = staff(client, "view_delegate")
    _response, job = run_action(
        client,
        django_capture_on_commit_callbacks,
        "export_csv_job",
        _selected_action=[registered.delegates.first().pk],
    )
    officer.user_permissions.clear()
    officer = User.objects.get(pk=officer.pk)  # no cached permissions

    assert download(client, job).status_code == 403


def test_the_job_page_refreshes_itself_until_the_job_is_done(client, registered):
    officer = staff(client, "view_delegate")
    queued = jobs.request_job(
        user=officer, kind=JobKind.EXPORT_CSV, variant="delegates", params={}, ids=None
    )

    waiting = client.get(f"/admin/delegations/consolejob/{queued.pk}/change/")
    jobs.run_job(queued, select=selected_rows)
    done = client.get(f"/admin/delegations/consolejob/{queued.pk}/change/")

    assert '<meta http-equiv="refresh" content="3">' in waiting.content.decode()
    assert '<meta http-equiv="refresh"' not in done.content.decode()
    assert f"/admin/delegations/consolejob/{queued.pk}/download/" in done.content.decode()
    assert '<progress max="100" value="100">' in done.content.decode()


def test_a_job_for_an_unknown_export_is_refused(registered):
    officer = User.objects.create_user("officer", password="x" * 20, is_staff=True)

    with pytest.raises(ValueError, match="no export_csv job 'badges'"):
        jobs.request_job(
            user=officer, kind=JobKind.EXPORT_CSV, variant="badges", params={}, ids=None
        )

    assert ConsoleJob.objects.count() == 0


def test_the_organiser_gets_an_email_when_the_file_is_ready(
    client, registered, django_capture_on_commit_callbacks
):
    officer = staff(client, "view_delegate")
    officer.email = "officer@un.example.org"
    officer.save()

    _response, job = run_action(
        client,
        django_capture_on_commit_callbacks,
        "export_csv_job",
        _selected_action=[registered.delegates.first().pk],
    )

    (message,) = OutboundMessage.objects.filter(idempotency_key=f"console-job-{job.pk}-done")
    assert message.to == "officer@un.example.org"
    assert message.subject == f"Your file is ready: Export (CSV) #{job.pk}"
    assert f"/admin/delegations/consolejob/{job.pk}/change/" in message.body_text
    # When the file goes, in the conference's time as the console shows every time.
    job.refresh_from_db()
    conference = registered.conference
    expires = timezone.localtime(job.expires_at, conference.tzinfo)
    assert f"{expires:%Y-%m-%d %H:%M} (Hanoi time, UTC+7)" in message.body_text


def test_a_job_keeps_its_selection_as_plain_json_and_refuses_another_shape(registered):
    user = User.objects.create_user("organiser", is_staff=True)

    job = jobs.request_job(
        user=user,
        kind=JobKind.EXPORT_CSV,
        variant="delegates",
        params={"delegation__id__exact": [str(registered.pk)]},
        ids=[3, 1],
    )
    with pytest.raises(ValueError, match="params must map names to lists of strings"):
        jobs.request_job(
            user=user, kind=JobKind.EXPORT_CSV, variant="delegates", params={"q": "x"}, ids=None
        )
    with pytest.raises(ValueError, match="ids must be a list of integers"):
        jobs.request_job(
            user=user, kind=JobKind.EXPORT_CSV, variant="delegates", params={}, ids=["1"]
        )

    assert ConsoleJob.objects.get(pk=job.pk).selection == {
        "params": {"delegation__id__exact": [str(registered.pk)]},
        "ids": [1, 3],
    }
    assert ConsoleJob.objects.count() == 1


def test_the_export_button_exports_the_lists_filter_and_search_in_a_job(
    client, registered, django_capture_on_commit_callbacks
):
    DelegateFactory(family_name="DUPONT", given_names="Other")  # another delegation's
    staff(client, "view_delegate")
    url = f"{DELEGATES}export/?delegation__id__exact={registered.pk}&q=DUPONT"

    form = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"format": "0"})
    job = ConsoleJob.objects.get()
    rows = csv_rows(content(download(client, job)))

    assert form.status_code == 200
    assert f'action="{url}"'.replace("&", "&amp;") in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/delegations/consolejob/{job.pk}/change/"
    assert job.selection == {
        "params": {"delegation__id__exact": [str(registered.pk)], "q": ["DUPONT"]},
        "ids": None,
    }
    assert [(row["family_name"], row["given_names"]) for row in rows] == [("DUPONT", "Jean")]


def test_a_job_fails_with_the_reason_when_its_organiser_lost_the_list_meanwhile(registered):
    officer = User.objects.create_user("officer", password="x" * 20, is_staff=True)
    officer.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    job = jobs.request_job(
        user=officer, kind=JobKind.EXPORT_CSV, variant="delegates", params={}, ids=None
    )
    officer.user_permissions.clear()

    with pytest.raises(PermissionDenied):
        jobs.run_job(ConsoleJob.objects.get(pk=job.pk), select=selected_rows)
    job.refresh_from_db()

    assert (job.state, job.error) == (
        JobState.FAILED,
        "The organiser who asked may no longer see this list.",
    )
    assert not job.file


def test_a_job_queued_before_selections_were_json_fails_instead_of_exporting_everything(
    registered,
):
    officer = User.objects.create_user("officer", password="x" * 20, is_staff=True)
    officer.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    job = jobs.request_job(
        user=officer, kind=JobKind.EXPORT_CSV, variant="delegates", params={}, ids=None
    )
    ConsoleJob.objects.filter(pk=job.pk).update(selection={})  # as the migration leaves it

    with pytest.raises(ValueError, match="queued by an older version"):
        jobs.run_job(ConsoleJob.objects.get(pk=job.pk), select=selected_rows)

    assert ConsoleJob.objects.get(pk=job.pk).state == JobState.FAILED
