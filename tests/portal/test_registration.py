"""From delegates to a submitted registration: documents, sessions, travel, the checklist, the
read-only registration, accreditation and the personal agenda."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from delegations.errors import RegistrationClosed
from delegations.services import (
    accredit_delegate,
    reject_delegate,
    reopen_registration,
    save_travel,
)
from sessions.models import Place
from sessions.services import answer_gala_dinner, request_to_speak, reserve_place
from tests.factories import HANOI, SessionFactory
from tests.portal.support import delegate_data, pdf, photo, signed_in_focal_point

pytestmark = pytest.mark.django_db


def _complete_registration(client, delegation):
    """Everything the checklist asks, through the portal's pages."""
    client.post("/portal/delegates/new/", delegate_data() | {"photo_upload": photo()})
    delegate = delegation.delegates.get()
    client.post("/portal/documents/", {"document": pdf()})
    roundtable = SessionFactory(conference=delegation.conference, state="published", capacity=5)
    client.post(f"/portal/programme/{roundtable.pk}/places/", {"delegate": delegate.pk})
    client.post(
        f"/portal/travel/{delegate.pk}/",
        {
            "arrives_at": "2025-10-24T10:30",
            "arrival_flight": "AF 198",
            "arrival_airport": "HAN",
            "departs_at": "2025-10-27T23:15",
            "hotel": "Hanoi Hotel",
            "transfer": "both",
        },
    )
    return delegate, roundtable


def test_the_credentials_letter_is_a_pdf_checked_by_its_content(client, invite):
    delegation = signed_in_focal_point(client, invite)
    disguised = SimpleUploadedFile("letter.pdf", b"\x89PNG\r\n\x1a\n...", "application/pdf")

    refused = client.post("/portal/documents/", {"document": disguised})
    too_big = client.post("/portal/documents/", {"document": pdf(size=10 * 1024 * 1024 + 1)})
    delegation.refresh_from_db()
    assert not delegation.credentials
    accepted = client.post("/portal/documents/", {"document": pdf()})

    assert "Upload the document as a PDF" in refused.content.decode()
    assert "larger than 10 MB" in too_big.content.decode()
    assert accepted["Location"] == "/portal/documents/"
    download = client.get("/portal/documents/credentials.pdf")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_travel_times_are_local_to_the_conference_and_checked(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data())
    delegate = delegation.delegates.get()

    backwards = client.post(
        f"/portal/travel/{delegate.pk}/",
        {"arrives_at": "2025-10-27T10:00", "departs_at": "2025-10-24T10:00", "hotel": "X"},
    )
    assert "The departure must come after the arrival." in backwards.content.decode()
    assert 'value="X"' in backwards.content.decode()
    assert not hasattr(delegation.delegates.get(), "travel")

    client.post(
        f"/portal/travel/{delegate.pk}/",
        {"arrives_at": "2025-10-24T10:30", "departs_at": "2025-10-27T23:15", "transfer": "both"},
    )

    travel = delegation.delegates.get().travel
    assert travel.arrives_at == dt.datetime(2025, 10, 24, 10, 30, tzinfo=HANOI)
    assert "24/10/2025 10:30" in client.get("/portal/travel/").content.decode() or (
        "10/24/2025 10:30" in client.get("/portal/travel/").content.decode()
    )


def test_a_roundtable_place_then_the_wait_list_with_its_position(client, invite):
    delegation = signed_in_focal_point(client, invite)
    delegation.conference.delegation_quotas = {}
    delegation.conference.save()
    for number in (1, 2):
        client.post(
            "/portal/delegates/new/",
            delegate_data(role="member", passport_number=f"P{number}", family_name=f"D{number}"),
        )
    first, second = delegation.delegates.order_by("family_name")
    roundtable = SessionFactory(conference=delegation.conference, state="published", capacity=1)

    client.post(f"/portal/programme/{roundtable.pk}/places/", {"delegate": first.pk})
    response = client.post(
        f"/portal/programme/{roundtable.pk}/places/", {"delegate": second.pk}, follow=True
    )

    page = response.content.decode()
    assert "The roundtable is full: number 1 on the wait list." in page
    assert "wait list, number 1" in page
    assert list(Place.objects.order_by("pk").values_list("state", flat=True)) == [
        "confirmed",
        "waitlisted",
    ]


def test_submission_is_refused_until_the_checklist_is_complete(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data())

    response = client.post("/portal/submit/", follow=True)

    page = response.content.decode()
    assert "The registration is not complete yet." in page
    assert "Note verbale or credentials letter" in page
    delegation.refresh_from_db()
    assert delegation.status == "confirmed"


def test_a_complete_registration_is_submitted_confirmed_and_then_read_only(
    client, invite, django_capture_on_commit_callbacks
):
    delegation = signed_in_focal_point(client, invite)
    delegate, _roundtable = _complete_registration(client, delegation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/submit/", follow=True)

    assert "submitted for accreditation" in response.content.decode()
    delegation.refresh_from_db()
    assert delegation.status == "registered"
    assert delegation.submitted_at
    assert mail.outbox[-1].subject == f"Registration received: {delegation.display_name}"
    # Read only now: the forms are gone and a POST changes nothing.
    refused = client.post("/portal/delegates/new/", delegate_data(passport_number="NEW"))
    assert "The registration is read-only." in refused.content.decode()
    assert delegation.delegates.count() == 1
    with pytest.raises(RegistrationClosed):
        save_travel(delegate, hotel="Elsewhere")


def test_after_the_deadline_the_registration_is_read_only_until_reopened(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data())
    conference = delegation.conference
    conference.reply_deadline = dt.datetime(2025, 9, 14, 1, 0, tzinfo=dt.UTC)
    conference.registration_deadline = dt.datetime(2025, 9, 15, 1, 0, tzinfo=dt.UTC)
    conference.save()

    closed = client.post("/portal/delegates/new/", delegate_data(passport_number="LATE"))
    assert "read-only" in client.get("/portal/dashboard/").content.decode()
    reopen_registration(delegation)
    reopened = client.post(
        "/portal/delegates/new/",
        delegate_data(role="member", passport_number="LATE", family_name="LATE"),
    )

    assert closed.status_code == 400
    assert reopened.status_code == 302
    assert delegation.delegates.count() == 2


def test_accreditation_per_delegate_and_the_personal_agenda(
    client, invite, django_capture_on_commit_callbacks
):
    delegation = signed_in_focal_point(client, invite)
    delegate, roundtable = _complete_registration(client, delegation)
    client.post("/portal/submit/")

    assert client.get(f"/portal/delegates/{delegate.pk}/agenda.ics").status_code == 404
    with pytest.raises(Exception, match="reason"):
        reject_delegate(delegate, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        accredit_delegate(delegate)

    delegation.refresh_from_db()
    assert delegation.status == "accredited"
    assert mail.outbox[-1].subject == f"Accredited: {delegate.full_name}"
    page = client.get("/portal/dashboard/").content.decode()
    assert "Personal agenda (.ics)" in page
    agenda = client.get(f"/portal/delegates/{delegate.pk}/agenda.ics")
    assert agenda["Content-Type"] == "text/calendar"
    assert roundtable.title in agenda.content.decode()


def test_a_refusal_shows_its_reason_to_the_focal_point(client, invite):
    delegation = signed_in_focal_point(client, invite)
    delegate, _roundtable = _complete_registration(client, delegation)
    client.post("/portal/submit/")

    reject_delegate(delegate, reason="The photo does not show the face.")

    page = client.get("/portal/dashboard/").content.decode()
    assert "Rejected: The photo does not show the face." in page


def test_portal_pages_carry_a_content_security_policy_and_no_external_resource(client, invite):
    signed_in_focal_point(client, invite)

    response = client.get("/portal/dashboard/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    page = response.content.decode()
    assert "http://" not in page.replace("http://testserver", "")
    assert "https://" not in page
    assert "<script" not in page


def test_a_french_delegation_gets_the_portal_and_its_messages_in_french(
    client, invite, django_capture_on_commit_callbacks
):
    delegation = signed_in_focal_point(client, invite, language="fr")
    _complete_registration(client, delegation)

    page = client.get("/portal/dashboard/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/portal/submit/")

    assert '<html lang="fr" dir="ltr">' in page
    assert "Soumettre pour accréditation" in page
    assert "14 octobre 2025 17:00" in page  # the deadline, in French and in Hanoi's time
    assert mail.outbox[-1].subject == f"Inscription reçue : {delegation.display_name}"


def test_the_language_chosen_with_the_switcher_wins_over_the_delegations(client, invite):
    signed_in_focal_point(client, invite, language="fr")

    client.post("/i18n/setlang/", {"language": "vi", "next": "/portal/dashboard/"})
    page = client.get("/portal/dashboard/").content.decode()

    assert '<html lang="vi" dir="ltr">' in page


def test_once_submitted_only_organisers_change_places_answers_and_the_speakers_list(client, invite):
    delegation = signed_in_focal_point(client, invite)
    delegate, _roundtable = _complete_registration(client, delegation)
    client.post("/portal/submit/")
    other = SessionFactory(conference=delegation.conference, state="published", capacity=5)
    dinner = SessionFactory(conference=delegation.conference, state="published", kind="gala_dinner")

    refused = client.post(f"/portal/programme/{other.pk}/places/", {"delegate": delegate.pk})
    for attempt in (
        lambda: reserve_place(other, delegate=delegate, by_focal_point=True),
        lambda: request_to_speak(delegation, by_focal_point=True),
        lambda: answer_gala_dinner(dinner, delegate=delegate, attending=True, by_focal_point=True),
    ):
        with pytest.raises(RegistrationClosed):
            attempt()

    assert "can no longer be changed" in client.get(refused["Location"]).content.decode()
    assert not Place.objects.filter(session=other).exists()
    assert reserve_place(other, delegate=delegate).state == "confirmed"  # an organiser may
