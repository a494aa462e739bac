"""The list of participants: its order, its versions, the delegations' corrections before the
final version, and the document."""

import io

import arabic_reshaper
import pytest
from django.core import mail
from pypdf import PdfReader

from delegations.documents.participants import participant_list_pdf
from delegations.errors import NotListed, ParticipantListClosed
from delegations.models import ListCheck, ListEntry, ParticipantList
from delegations.services import (
    confirm_list_entries,
    correct_list_entry,
    issue_participant_list,
    list_of_participants,
)
from tests.delegations.arrivals.support import console_member
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
)

pytestmark = pytest.mark.django_db


def _member(delegation, family_name, *, role="member", rank="delegate", **fields):
    return DelegateFactory(
        delegation=delegation, family_name=family_name, role=role, protocol_rank=rank, **fields
    )


@pytest.fixture
def conference():
    return ConferenceFactory(host_country="VN", lot_letter="F")


def _delegation(conference, country="", *, head_rank="minister", **fields):
    factory = OrganisationDelegationFactory if not country else DelegationFactory
    fields = {"country": country, **fields} if country else fields
    delegation = factory(conference=conference, **{"status": "registered", **fields})
    _member(delegation, f"HEAD-{country or fields['name']}", role="head", rank=head_rank)
    return delegation


def test_the_list_follows_the_order_of_precedence(conference):
    _delegation(conference, "DE", head_rank="vice_minister")
    _delegation(conference, "BR", head_rank="vice_minister")  # before F: after the lot's start
    _delegation(conference, "FR", head_rank="vice_minister")
    _delegation(conference, "JP", head_rank="head_of_state")
    _delegation(conference, "VN", head_rank="minister")  # the host: pride of place
    _delegation(conference, name="INTERPOL", head_rank="head_of_organisation")
    observer = _delegation(conference, "PS", kind="observer_state", head_rank="head_of_state")
    _delegation(conference, name="UNODC", kind="un_entity", head_rank="head_of_organisation")
    _delegation(conference, "IT", status="declined")  # declined: not listed

    sections = list_of_participants(conference)

    assert [s["kind"] for s in sections] == [
        "member_state",
        "observer_state",
        "un_entity",
        "intergovernmental_organisation",
    ]
    assert [d["delegation"] for d in sections[0]["delegations"]] == [
        "Viet Nam",
        "Japan",
        "France",
        "Germany",
        "Brazil",
    ]
    assert sections[1]["delegations"][0]["delegation"] == str(observer.display_name)
    assert [d["delegation"] for d in sections[2]["delegations"]] == ["UNODC"]


def test_a_delegation_lists_its_head_then_its_deputy_then_by_rank_without_private_data(
    conference,
):
    france = _delegation(conference, "FR")
    _member(france, "ADVISER", role="adviser", function="Legal adviser", passport_last4="1234")
    _member(france, "DEPUTY", role="deputy_head", title="H.E. Ms", function="Ambassador")
    _member(france, "SENIOR", rank="senior_official", email="private@example.org")
    _member(france, "GUARD", role="security")
    _member(france, "REFUSED", accreditation_status="rejected")

    (section,) = list_of_participants(conference)
    entries = section["delegations"][0]["entries"]

    assert [e["name"] for e in entries] == [
        "Alex HEAD-FR",
        "Alex DEPUTY",
        "Alex SENIOR",
        "Alex ADVISER",
    ]
    assert entries[1] == {"title": "H.E. Ms", "name": "Alex DEPUTY", "function": "Ambassador"}
    assert set(entries[0]) == {"title", "name", "function"}


def test_the_final_list_shows_only_the_accredited(conference):
    france = _delegation(conference, "FR")
    _member(france, "ACCREDITED", accreditation_status="accredited")

    (section,) = list_of_participants(conference, final=True)

    assert [e["name"] for e in section["delegations"][0]["entries"]] == ["Alex ACCREDITED"]


def test_a_provisional_version_asks_each_delegation_to_check_its_entries(
    conference, django_capture_on_commit_callbacks
):
    france = _delegation(conference, "FR")
    _delegation(conference, "DE")

    with django_capture_on_commit_callbacks(execute=True):
        first = issue_participant_list(conference)
    with django_capture_on_commit_callbacks(execute=True):
        second = issue_participant_list(conference)

    assert (first.kind, first.number, second.number) == ("provisional", 1, 2)
    assert len(mail.outbox) == 4
    to_france = [m for m in mail.outbox if m.to == [france.focal_point_email]]
    assert to_france[0].subject == (
        "Liste des participants : veuillez vérifier les entrées de votre délégation"
    )
    assert "/portal/participants/" in to_france[0].body


def test_a_correction_prints_in_the_next_version_not_in_the_issued_one(conference):
    france = _delegation(conference, "FR")
    head = france.delegates.get()
    issued = issue_participant_list(conference)
    confirm_list_entries(france)

    correct_list_entry(head, title="H.E. Mr", name="Jean-Noël BARROT", function="Minister")
    later = issue_participant_list(conference)

    issued.refresh_from_db()
    assert issued.content[0]["delegations"][0]["entries"][0]["name"] == "Alex HEAD-FR"
    assert later.content[0]["delegations"][0]["entries"][0] == {
        "title": "H.E. Mr",
        "name": "Jean-Noël BARROT",
        "function": "Minister",
    }
    # A correction withdraws the confirmation: the delegation confirms the new entries.
    assert not ListCheck.objects.filter(delegation=france).exists()


def test_after_the_final_version_nothing_changes(conference):
    france = _delegation(conference, "FR")
    head = france.delegates.get()
    issue_participant_list(conference, final=True)

    with pytest.raises(ParticipantListClosed):
        correct_list_entry(head, title="", name="Other", function="")
    with pytest.raises(ParticipantListClosed):
        confirm_list_entries(france)
    with pytest.raises(ParticipantListClosed):
        issue_participant_list(conference)

    assert not ListEntry.objects.exists()
    assert ParticipantList.objects.count() == 1


def test_a_security_officer_cannot_be_put_in_the_list(conference):
    france = _delegation(conference, "FR")
    guard = _member(france, "GUARD", role="security")

    with pytest.raises(NotListed):
        correct_list_entry(guard, title="", name="Guard", function="")

    assert not ListEntry.objects.exists()


def test_the_printed_list_has_its_headings_in_the_six_languages(conference):
    france = _delegation(conference, "FR")
    correct_list_entry(france.delegates.get(), title="H.E. Mr", name="Jean DUPONT", function="")
    issue_participant_list(conference)
    protocol = console_member("Protocol")
    issued = ParticipantList.objects.get()

    response = protocol.get(f"/admin/delegations/participantlist/{issued.pk}/pdf/")
    refused = console_member("Logistics").get(
        f"/admin/delegations/participantlist/{issued.pk}/pdf/"
    )

    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "List of participants" in text
    assert "Liste des participants" in text
    assert "H.E. Mr Jean DUPONT" in text
    assert "France" in text
    assert refused.status_code == 403


def test_the_protocol_issues_versions_from_the_console(conference):
    _delegation(conference, "FR")
    protocol = console_member("Protocol")
    url = "/admin/delegations/participantlist/issue/"

    protocol.post(url, {"conference": conference.pk, "version": "provisional"})
    protocol.post(url, {"conference": conference.pk, "version": "final"})
    refused = protocol.post(url, {"conference": conference.pk, "version": "final"}, follow=True)
    logistics = console_member("Logistics").post(url, {"conference": conference.pk})

    assert list(ParticipantList.objects.order_by("number").values_list("kind", "number")) == [
        ("provisional", 1),
        ("final", 2),
    ]
    assert "The final list of participants is issued" in refused.content.decode()
    assert logistics.status_code == 403


def test_the_printed_list_prints_arabic_chinese_and_russian_names(conference):
    egypt, china, russia = (_delegation(conference, code) for code in ("EG", "CN", "RU"))
    correct_list_entry(egypt.delegates.get(), title="", name="بدر عبد العاطي", function="")
    correct_list_entry(china.delegates.get(), title="", name="王毅", function="")
    correct_list_entry(russia.delegates.get(), title="", name="Сергей ЛАВРОВ", function="")
    issued = issue_participant_list(conference)

    pdf = participant_list_pdf(issued)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    # pypdf reads the glyphs back in reading order: the shaped letters, not yet reordered.
    assert arabic_reshaper.reshape("بدر عبد العاطي") in text
    assert "王毅" in text
    assert "Сергей ЛАВРОВ" in text
