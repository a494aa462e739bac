"""A Python client generated from the served schema by openapi-python-client, without edits,
imports whole and reads every feed and every organiser operation from a live server.

The generator runs offline in a temporary folder; its only configuration maps the XML and PDF
media types, which it does not know, to text and bytes (the schema keeps the true types).
"""

import datetime as dt
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from conference.models import Convention
from conference.services import record_signature
from delegations.models import Badge
from delegations.qr import badge_payload
from delegations.services import issue_api_token, register_scanner
from sessions import services
from sessions.services.agenda import issue_agenda_link
from tests.factories import AccessZoneFactory, ConferenceFactory, DelegateFactory, SessionFactory

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
CONFIG = """\
content_type_overrides:
  application/xml: text/plain
  application/vnd.frab+xml: text/plain
  application/pdf: application/octet-stream
post_hooks: []
"""
PACKAGE = "generated_conference_client"


@pytest.fixture
def generated_client(live_server, tmp_path, monkeypatch):
    with urllib.request.urlopen(f"{live_server.url}/api/v1/schema/?format=json") as answer:
        schema = json.load(answer)
    (tmp_path / "schema.json").write_text(json.dumps(schema))
    (tmp_path / "config.yaml").write_text(CONFIG)
    subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(tmp_path / "schema.json"),
            "--config",
            str(tmp_path / "config.yaml"),
            "--output-path",
            str(tmp_path / PACKAGE),
            "--meta",
            "none",
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    package = importlib.import_module(PACKAGE)
    yield package
    for name in [name for name in sys.modules if name.startswith(PACKAGE)]:
        del sys.modules[name]


def _import_all(package):
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, f"{PACKAGE}.")
    ]


def _api(name):
    return importlib.import_module(f"{PACKAGE}.api.{name}")


@pytest.fixture
def hanoi(db):
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
    )
    conference = ConferenceFactory(slug="hanoi2025", convention=convention)
    record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")
    AccessZoneFactory(venue=conference.venue, code="plenary", name="Plenary hall")
    services.publish_session(SessionFactory(conference=conference, title="Opening session"))
    services.release_schedule(conference)
    return conference


@pytest.mark.django_db(transaction=True)
def test_the_generated_client_imports_whole_and_reads_every_feed(
    generated_client, live_server, hanoi, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    assert len(_import_all(generated_client)) >= 40
    client = generated_client.Client(base_url=live_server.url, raise_on_unexpected_status=True)
    delegate = DelegateFactory(delegation__conference=hanoi)
    schedule = _api("schedule")

    feed = importlib.import_module(f"{schedule.__name__}.conferences_schedule_retrieve").sync(
        slug="hanoi2025", client=client
    )
    frab_json = importlib.import_module(
        f"{schedule.__name__}.conferences_schedule_json_retrieve"
    ).sync(slug="hanoi2025", client=client)
    frab_xml = importlib.import_module(
        f"{schedule.__name__}.conferences_schedule_xml_retrieve"
    ).sync(slug="hanoi2025", client=client)
    ical = importlib.import_module(f"{schedule.__name__}.conferences_schedule_ics_retrieve").sync(
        slug="hanoi2025", client=client
    )
    session_id = feed.days[0].sessions[0].id
    detail = importlib.import_module(
        f"{schedule.__name__}.conferences_schedule_sessions_retrieve"
    ).sync(slug="hanoi2025", session_id=session_id, client=client)
    versions = importlib.import_module(
        f"{schedule.__name__}.conferences_schedule_versions_list"
    ).sync(slug="hanoi2025", client=client)
    changes = importlib.import_module(
        f"{schedule.__name__}.conferences_schedule_changes_retrieve"
    ).sync(slug="hanoi2025", client=client)
    speakers = importlib.import_module(f"{schedule.__name__}.conferences_speakers_list").sync(
        slug="hanoi2025", client=client
    )
    speakers_csv = importlib.import_module(
        f"{schedule.__name__}.conferences_speakers_csv_retrieve"
    ).sync(slug="hanoi2025", client=client)
    speakers_pdf = importlib.import_module(
        f"{schedule.__name__}.conferences_speakers_pdf_retrieve"
    ).sync(slug="hanoi2025", client=client)
    agenda = importlib.import_module(f"{schedule.__name__}.agenda_ics_retrieve").sync(
        token=issue_agenda_link(delegate), client=client
    )
    convention = importlib.import_module(
        f"{PACKAGE}.api.convention.conferences_convention_retrieve"
    ).sync(slug="hanoi2025", client=client)

    assert feed.conference.slug == "hanoi2025"
    assert [s.title for s in feed.days[0].sessions] == ["Opening session"]
    assert feed.days[0].sessions[0].cancelled is False
    assert frab_json.schedule.conference.acronym == "hanoi2025"
    assert frab_xml.startswith("<?xml")
    assert ical.startswith("BEGIN:VCALENDAR")
    assert detail.title == "Opening session"
    assert [v.number for v in versions] == [1]
    assert (changes.to_release, [c.title for c in changes.new]) == (1, ["Opening session"])
    assert speakers == []
    assert speakers_csv.startswith("order,delegation")
    assert speakers_pdf.payload.read().startswith(b"%PDF")
    assert agenda.startswith("BEGIN:VCALENDAR")
    assert [s.name for s in convention.signatures] == ["Viet Nam"]


@pytest.mark.django_db(transaction=True)
def test_the_generated_client_runs_every_organiser_operation(
    generated_client, live_server, hanoi, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Invitations are resent only while the reply deadline is ahead: the organiser moves it.
    hanoi.reply_deadline = timezone.now() + dt.timedelta(days=30)
    hanoi.registration_deadline = timezone.now() + dt.timedelta(days=40)
    hanoi.save(update_fields=["reply_deadline", "registration_deadline"])
    admin = User.objects.create_superuser("protocol", password="x" * 20)
    client = generated_client.AuthenticatedClient(
        base_url=live_server.url,
        token=issue_api_token(admin),
        prefix="Token",
        raise_on_unexpected_status=True,
    )
    delegate = DelegateFactory(delegation__conference=hanoi, delegation__country="FR")
    badge = Badge.objects.create(
        conference=hanoi,
        delegate=delegate,
        number="HAN000001",
        category="head_of_delegation",
        colour="red",
        zones=["plenary"],
    )
    _device, scanner_token = register_scanner(hanoi, "Door 1")
    scanner = generated_client.AuthenticatedClient(
        base_url=live_server.url,
        token=scanner_token,
        prefix="Scanner",
        raise_on_unexpected_status=True,
    )
    organisers = f"{PACKAGE}.api.organisers"
    models = importlib.import_module(f"{PACKAGE}.models")

    def call(name, **kwargs):
        return importlib.import_module(f"{organisers}.{name}").sync(**kwargs)

    delegations = call("delegations_list", client=client)
    delegation = call("delegations_retrieve", id=delegate.delegation_id, client=client)
    delegates = call("delegates_list", client=client)
    one_delegate = call("delegates_retrieve", id=delegate.pk, client=client)
    invitation = call("delegations_invite_create", id=delegate.delegation_id, client=client)
    invitations = call("invitations_list", client=client)
    resent = call("invitations_resend_create", id=invitation.id, client=client)
    one_invitation = call("invitations_retrieve", id=invitation.id, client=client)
    revoked = call("invitations_revoke_create", id=invitation.id, client=client)
    scan = call(
        "check_in_create",
        client=scanner,
        body=models.CheckInRequest(
            payload=badge_payload(badge), zone="plenary", direction=models.DirectionEnum.ENTRY
        ),
    )

    assert [d.id for d in delegations.results] == [delegate.delegation_id]
    assert delegation.id == delegate.delegation_id
    assert [d.id for d in delegates.results] == [delegate.pk]
    assert one_delegate.id == delegate.pk
    assert [i.id for i in invitations.results] == [invitation.id]
    assert (resent.id, one_invitation.id, revoked.id) == (invitation.id,) * 3
    assert (scan.allowed, scan.badge.number) == (True, "HAN000001")
