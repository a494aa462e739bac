"""The console's speaking order names who speaks: the speaker the delegation named, else its
head of delegation, whom the service names when the delegation names no one."""

import pytest
from django.contrib.auth.models import Permission, User

from sessions import services
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory
from tests.sessions.speakers import at, inscribe

pytestmark = pytest.mark.django_db


def test_the_speaker_column_names_the_speaker_or_the_head_of_delegation(client, debate):
    inscribe(debate, "ZA", "head_of_state", at(3, 9))
    france = DelegationFactory(conference=debate, country="FR")
    DelegateFactory(delegation=france, role="head", protocol_rank="minister")
    minister = DelegateFactory(delegation=france, family_name="DUPONT", given_names="Claire")
    services.request_to_speak(france, speaker=minister)
    user = User.objects.create_user("protocol", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_inscription"))
    sign_in_to_console(client, user)

    page = client.get(f"/admin/programme/inscription/conference/{debate.pk}/").content.decode()

    head = debate.delegations.get(country="ZA").delegates.get(role="head")
    assert f"<td>{head.full_name}</td>" in page
    assert "<td>Claire DUPONT</td>" in page
