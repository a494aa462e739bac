"""Control characters and bidirectional overrides are refused where text is typed (portal,
press pages, console, and the API's model serializers), with a clear error on the field and the
rest of the form kept; what older rows still hold is cleaned where it is printed or published.

U+202E (RIGHT-TO-LEFT OVERRIDE) is refused like a control character: no name in any script
needs it (the bidirectional algorithm orders Arabic and mixed names from their letters), and one
typed into a name prints and lists it backwards for every reader."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Permission, User

from delegations.api.serializers import DelegateSerializer
from delegations.models import Delegate, MediaApplication
from sessions.models import BilateralMeeting
from tests.console import sign_in_to_console
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory
from tests.portal.support import delegate_data, signed_in_focal_point
from tests.press.support import photo, press_card

pytestmark = pytest.mark.django_db

HOSTILE = {
    "NUL": ("DU\x00PONT", "Remove the invisible control character (U+0000) from this text."),
    "escape": ("DU\x1b[31mPONT", "Remove the invisible control character (U+001B) from this text."),
    "override": (
        "DU\u202ePONT",
        "Remove the character that changes the direction of the text (U+202E): names and text "
        "in any script are shown in the right direction without it.",
    ),
}


@pytest.fixture(autouse=True)
def registration_open():
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_name_in_the_portal_gets_a_field_error_and_the_form_is_kept(client, invite, case):
    name, message = HOSTILE[case]
    signed_in_focal_point(client, invite)

    response = client.post("/portal/delegates/new/", delegate_data(family_name=name))

    assert response.status_code == 400
    form = response.context["form"]
    assert message in form.errors["family_name"]
    assert list(form.errors) == ["family_name"]
    assert (form["given_names"].value(), form["function"].value()) == ("Jean", "Ambassador")
    assert not Delegate.objects.exists()


def test_a_line_break_is_refused_in_a_name_and_kept_in_a_text_box(client, invite):
    france = signed_in_focal_point(client, invite)
    japan = DelegationFactory(conference=france.conference, country="JP", accepted=True)

    one_line = client.post("/portal/delegates/new/", delegate_data(function="Ambassador\nX"))
    request = {
        "counterpart": japan.pk,
        "preferred_day": france.conference.start_date.isoformat(),
        "level": "ministerial",
    }
    escaped = client.post("/portal/bilaterals/request/", request | {"topics": "Trade\x1b[2J"})
    lines = client.post("/portal/bilaterals/request/", request | {"topics": "Trade\r\nCrime"})

    assert one_line.context["form"].errors["function"] == ["Write this on one line."]
    assert escaped.context["form"].errors["topics"] == [HOSTILE["escape"][1]]
    assert lines.status_code == 302
    assert BilateralMeeting.objects.get().topics == "Trade\r\nCrime"


def test_a_journalist_cannot_apply_with_an_override_in_a_name(client):
    ConferenceFactory(slug="hanoi2025")
    data = {
        "outlet_name": "Viet Nam News",
        "outlet_country": "VN",
        "role": "reporter",
        "given_names": "Lan\u202e",
        "family_name": "NGUYEN",
        "nationality": "VN",
        "email": "reporter@outlet.example",
        "password": "Press-Hanoi-2025!",
        "press_card_number": "VN-12345",
        "equipment": "One camera\nOne tripod",
        "photo": photo(),
        "press_card": press_card(),
        "language": "en",
    }

    response = client.post("/press/apply/hanoi2025/", data)

    assert response.status_code == 200
    assert response.context["form"].errors["given_names"] == [HOSTILE["override"][1]]
    assert response.context["form"]["equipment"].value() == "One camera\nOne tripod"
    assert not MediaApplication.objects.exists()


def test_the_console_refuses_a_control_character_in_its_forms(client):
    delegate = DelegateFactory(function="Delegate")
    organiser = User.objects.create_user("protocol", is_staff=True)
    organiser.user_permissions.set(
        Permission.objects.filter(codename__in=["view_delegate", "change_delegate"])
    )
    sign_in_to_console(client, organiser)
    reject = f"/admin/delegations/delegate/{delegate.pk}/reject/"

    refused = client.post(reject, {"reason": "Photo\x07 unclear"})
    change = client.get(f"/admin/delegations/delegate/{delegate.pk}/change/")
    form = change.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields} | {"function": "Minister\x1b"}
    edited = client.post(f"/admin/delegations/delegate/{delegate.pk}/change/", data)

    assert "Remove the invisible control character (U+0007)" in refused.content.decode()
    assert edited.status_code == 200
    assert edited.context["adminform"].form.errors["function"] == [
        "Remove the invisible control character (U+001B) from this text."
    ]
    delegate.refresh_from_db()
    assert (delegate.accreditation_status, delegate.function) == ("pending", "Delegate")


def test_the_apis_model_serializers_carry_the_same_rule():
    serializer = DelegateSerializer(data={})

    with pytest.raises(Exception, match="U\\+202E"):
        serializer.fields["family_name"].run_validation("DU\u202ePONT")
