"""The depositary's register in the console: entries are recorded through the services, whose
refusals show as form errors, and are then only read."""

import datetime as dt

import pytest

from conference.models import Signature
from tests.conference.conventions import cybercrime_convention

pytestmark = pytest.mark.django_db

ADD = "/admin/conference/signature/add/"


@pytest.fixture
def convention():
    return cybercrime_convention(
        regional_organisation_members={"European Union": ["AT", "FR"]},
    )


def _signature(convention, **fields):
    return {
        "convention": convention.pk,
        "country": "",
        "organisation": "",
        "signed_on": "2025-10-25",
        "place": "Hanoi",
        **fields,
    }


def test_the_console_refuses_what_the_register_refuses_and_records_the_rest(
    admin_client, convention
):
    council = admin_client.post(ADD, _signature(convention, organisation="Council of Europe"))
    late = admin_client.post(ADD, _signature(convention, country="FR", signed_on="2025-10-27"))
    union_first = admin_client.post(ADD, _signature(convention, organisation="European Union"))
    france = admin_client.post(ADD, _signature(convention, country="FR"))
    union = admin_client.post(ADD, _signature(convention, organisation="European Union"))

    assert council.status_code == 200
    assert "is not a regional economic integration organisation" in council.content.decode()
    assert late.status_code == 200
    assert "open for signature at United Nations Headquarters only" in late.content.decode()
    assert union_first.status_code == 200
    assert "at least one of its member States has signed" in union_first.content.decode()
    assert (france.status_code, union.status_code) == (302, 302)
    assert list(Signature.objects.values_list("country", "organisation")) == [
        ("FR", ""),
        ("", "European Union"),
    ]


def test_a_recorded_signature_is_only_read_in_the_console(admin_client, convention):
    admin_client.post(ADD, _signature(convention, country="FR"))
    signature = Signature.objects.get()

    admin_client.post(
        f"/admin/conference/signature/{signature.pk}/change/",
        _signature(convention, country="DE", signed_on="2025-10-26"),
    )

    signature.refresh_from_db()
    assert (signature.country.code, signature.signed_on) == ("FR", dt.date(2025, 10, 25))
