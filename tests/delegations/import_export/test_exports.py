"""Imports and exports: exports."""

import datetime as dt

import pytest

from delegations import services
from tests.delegations.import_export.support import CSV, XLSX, csv_rows, export, staff, xlsx_rows
from tests.factories import HANOI, DelegationFactory

pytestmark = pytest.mark.django_db


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
