"""The import and export pages name a file's columns in plain words, in the reader's language
("Family name (as in the passport)"), not by their keys ("This exporter will export the
following fields: family_name...")."""

import pytest
from django.utils import translation

from delegations.resources import (
    DelegateExportResource,
    DelegateImportResource,
    DelegationExportResource,
    InviteeResource,
    TravelExportResource,
    column_headings,
)
from tests.delegations.import_export.support import staff

pytestmark = pytest.mark.django_db


def test_the_export_page_lists_the_columns_by_their_plain_names(client, registered):
    staff(client, "view_delegate")

    page = client.get("/admin/delegations/delegate/export/").content.decode()

    assert "This exporter will export" not in page
    assert "Columns of the file:" in page
    assert "<li>Family name (as in the passport)</li>" in page
    assert "<li>Passport number</li>" in page
    assert "family_name" not in page


def test_the_import_page_gives_each_columns_name_and_key(client, importer):
    page = client.get("/admin/delegations/delegate/import/").content.decode()

    assert "This importer will import" not in page
    assert "Columns the file may have, named in its first row:" in page
    assert "<li>Family name (as in the passport) <code>family_name</code></li>" in page


def test_the_import_page_speaks_the_readers_language(client, importer):
    client.cookies["django_language"] = "fr"

    page = client.get("/admin/delegations/delegate/import/").content.decode()

    assert "Colonnes que le fichier peut comporter, nommées dans sa première ligne :" in page
    assert "<li>Nom de famille (comme sur le passeport) <code>family_name</code></li>" in page


@pytest.mark.parametrize(
    "resource",
    [
        DelegateExportResource(),
        DelegationExportResource(),
        TravelExportResource(),
        DelegateImportResource(delegation=None),
        InviteeResource(conference=None),
    ],
    ids=lambda resource: type(resource).__name__,
)
def test_every_column_has_a_translated_plain_name(resource):
    with translation.override("en"):
        english = column_headings(resource)
    with translation.override("vi"):
        vietnamese = column_headings(resource)

    untranslated = [
        column
        for (plain, column), (translated, _column) in zip(english, vietnamese, strict=True)
        if plain == translated
    ]
    assert untranslated == []
