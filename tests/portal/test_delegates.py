"""Registering delegates in the portal: passports, photos, quotas, the same person twice."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from delegations.errors import PersonAlreadyRegistered
from delegations.models import Delegate
from delegations.selectors import registration_checklist
from delegations.services import save_delegate
from tests.factories import DelegationFactory
from tests.portal.support import delegate_data, photo, signed_in_focal_point

pytestmark = pytest.mark.django_db


def _add(client, **overrides):
    return client.post("/portal/delegates/new/", delegate_data(**overrides))


def test_the_passport_number_is_stored_encrypted_and_shown_masked(client, invite):
    delegation = signed_in_focal_point(client, invite)

    response = _add(client, passport_number="19ab 12345")

    assert response["Location"] == "/portal/delegates/"
    delegate = delegation.delegates.get()
    assert delegate.passport_last4 == "2345"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM delegations_delegate WHERE id = %s", [delegate.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "19AB12345" not in row
    assert "12345" not in row
    listing = client.get("/portal/delegates/").content.decode()
    assert "••••2345" in listing
    assert "19AB" not in listing
    form = client.get(f"/portal/delegates/{delegate.pk}/").content.decode()
    assert "••••2345" in form
    assert "19AB" not in form


def test_leaving_the_passport_empty_on_edit_keeps_it(client, invite):
    delegation = signed_in_focal_point(client, invite)
    _add(client)
    delegate = delegation.delegates.get()
    fingerprint = delegate.passport_fingerprint

    client.post(
        f"/portal/delegates/{delegate.pk}/", delegate_data(passport_number="", function="Minister")
    )

    delegate.refresh_from_db()
    assert delegate.function == "Minister"
    assert (delegate.passport_last4, delegate.passport_fingerprint) == ("2345", fingerprint)


def test_the_same_person_cannot_be_registered_twice_in_a_conference(client, invite):
    delegation = signed_in_focal_point(client, invite)
    other = DelegationFactory(
        conference=delegation.conference, country="DE", language="en", status="confirmed"
    )
    save_delegate(
        other,
        passport_number="19-ab-12345",
        family_name="MÜLLER",
        given_names="Hans",
        role="member",
        date_of_birth=_date("1970-05-01"),
    )

    response = _add(client, family_name="DUPONT-TYPED")

    page = response.content.decode()
    assert response.status_code == 400
    assert PersonAlreadyRegistered.default_message.split(".")[0] in page
    # Names no other delegation: Germany appears only in the list of nationalities.
    blank_form = client.get("/portal/delegates/new/").content.decode()
    assert page.count("Germany") == blank_form.count("Germany")
    assert "MÜLLER" not in page
    assert 'value="DUPONT-TYPED"' in page  # what was typed is kept
    assert not delegation.delegates.exists()


def test_the_same_passport_with_another_birth_date_is_another_person(client, invite):
    delegation = signed_in_focal_point(client, invite)
    other = DelegationFactory(
        conference=delegation.conference, country="DE", language="en", status="confirmed"
    )
    save_delegate(
        other,
        passport_number="19AB12345",
        family_name="MÜLLER",
        given_names="Hans",
        role="member",
        date_of_birth=_date("1980-01-01"),
    )

    assert _add(client).status_code == 302


def test_badge_quotas_hold_with_a_clear_message(client, invite):
    delegation = signed_in_focal_point(client, invite)
    conference = delegation.conference
    conference.delegation_quotas = {"head_of_delegation": 1, "security": 1}
    conference.save()
    _add(client, role="security", passport_number="S1", family_name="ONE")

    response = _add(client, role="security", passport_number="S2", family_name="TWO")

    assert response.status_code == 400
    assert "used all its badges of the category Security (1)" in response.content.decode()
    assert list(delegation.delegates.values_list("family_name", flat=True)) == ["ONE"]


def test_a_second_head_of_delegation_is_refused(client, invite):
    delegation = signed_in_focal_point(client, invite)
    delegation.conference.delegation_quotas = {}
    delegation.conference.save()
    _add(client, passport_number="H1")

    response = _add(client, passport_number="H2", family_name="SECOND")

    assert "already has a head of delegation" in response.content.decode()
    assert delegation.delegates.count() == 1


def test_a_photo_is_re_encoded_without_its_metadata_under_a_random_name(client, invite):
    delegation = signed_in_focal_point(client, invite)
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x9286] = "GPS 21.0285N 105.8542E"  # UserComment
    upload = photo(800, 1000, "PNG", name="jean-dupont-passport.png")
    with_exif = photo(800, 1000, "JPEG", name="jean-dupont.jpg", exif=exif)

    client.post("/portal/delegates/new/", delegate_data() | {"photo_upload": with_exif})
    delegate = delegation.delegates.get()
    stored = delegate.photo.read()
    client.post(
        f"/portal/delegates/{delegate.pk}/",
        delegate_data(passport_number="") | {"photo_upload": upload},
    )
    delegate.refresh_from_db()

    assert b"SecretCam" not in stored
    assert b"GPS" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert image.size == (800, 1000)
        assert not image.getexif()
    assert "jean" not in delegate.photo.name
    assert delegate.photo.name.endswith(".jpg")
    response = client.get(f"/portal/delegates/{delegate.pk}/photo/")
    assert response["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (lambda: photo(300, 400), "it needs at least 400 x 500"),
        (lambda: photo(400, 500, name="x.gif", image_format="GIF"), "JPEG or PNG"),
        (lambda: _renamed_pdf(), "JPEG or PNG"),
        (lambda: _big_file(), "larger than 5 MB"),
    ],
)
def test_a_bad_photo_is_refused_and_nothing_is_saved(client, invite, upload, error):
    delegation = signed_in_focal_point(client, invite)

    response = client.post(
        "/portal/delegates/new/", delegate_data(family_name="KEPT") | {"photo_upload": upload()}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert error in page
    assert 'value="KEPT"' in page
    assert not Delegate.objects.filter(delegation=delegation).exists()


def test_a_head_of_state_needs_no_photo_but_a_delegate_does(client, invite):
    delegation = signed_in_focal_point(client, invite)
    _add(client, protocol_rank="head_of_state", passport_number="P1")
    photos_done = _photos_done(client)
    _add(client, role="member", protocol_rank="delegate", passport_number="P2", family_name="B")

    assert photos_done is True
    assert _photos_done(client) is False
    assert "Not needed" in client.get("/portal/delegates/").content.decode()
    assert delegation.delegates.count() == 2


def test_removing_a_delegate_needs_a_post(client, invite):
    delegation = signed_in_focal_point(client, invite)
    _add(client)
    delegate = delegation.delegates.get()

    assert client.get(f"/portal/delegates/{delegate.pk}/remove/").status_code == 405
    client.post(f"/portal/delegates/{delegate.pk}/remove/")

    assert not delegation.delegates.exists()


def _photos_done(client):
    delegation = client.get("/portal/dashboard/").wsgi_request.delegation
    return {item.key: item.done for item in registration_checklist(delegation)}["photos"]


def _renamed_pdf():
    return SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")


def _big_file():
    return SimpleUploadedFile("photo.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))


def _date(text):
    return dt.date.fromisoformat(text)


def test_a_photo_gone_from_the_storage_answers_404_not_an_error(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data() | {"photo_upload": photo()})
    delegate = delegation.delegates.get()
    delegate.photo.storage.delete(delegate.photo.name)

    response = client.get(f"/portal/delegates/{delegate.pk}/photo/")

    assert response.status_code == 404
