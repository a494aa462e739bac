"""Imports and exports: invitee lists."""

import os

import pytest
from django.core import mail

from delegations.models import Delegation
from tests.delegations.import_export.support import (
    INVITEES,
    XLSX,
    confirm,
    csv_upload,
    france,
    preview,
    row_errors,
    xlsx_upload,
)
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def test_a_good_csv_invitee_list_imports_every_delegation(
    importer, django_capture_on_commit_callbacks
):
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
    with django_capture_on_commit_callbacks(execute=True):
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
            "reio, regional_organisation, intergovernmental_organisation, un_entity, ngo, "
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
