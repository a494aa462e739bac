"""The speakers' list in the console: in speaking order with expected times, and the
organisers' moves through the services."""

import pytest
from django.contrib.auth.models import Permission, User

from sessions.models import Inscription
from sessions.selectors import speakers_list
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory
from tests.sessions.speakers import at, inscribe

pytestmark = pytest.mark.django_db


def staff(client, *codenames):
    user = User.objects.create_user("protocol", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)


def _page(conference):
    return f"/admin/programme/inscription/conference/{conference.pk}/"


def test_the_list_shows_speakers_in_order_with_their_expected_times(client, debate):
    inscribe(debate, "FR", "minister", at(1, 9))
    inscribe(debate, "ZA", "head_of_state", at(3, 9))
    staff(client, "view_inscription")

    page = client.get(_page(debate)).content.decode()

    assert page.index("South Africa") < page.index("France")
    assert "Sat 25 Oct, 14:00" in page
    assert "Sat 25 Oct, 14:05" in page
    assert 'name="do" value="move"' not in page  # a reader sees no controls


def test_organisers_add_move_and_withdraw_through_the_services(client, debate):
    first = inscribe(debate, "ZA", "head_of_state", at(3, 9))
    second = inscribe(debate, "FR", "minister", at(1, 9))
    kenya = DelegationFactory(conference=debate, country="KE")
    DelegateFactory(delegation=kenya, role="head", protocol_rank="ambassador")
    staff(client, "view_inscription", "change_inscription")

    client.post(_page(debate), {"do": "add", "delegation": kenya.pk})
    client.post(_page(debate), {"do": "move", "inscription": second.pk, "position": 1})
    client.post(_page(debate), {"do": "withdraw", "inscription": first.pk})

    order = [entry.delegation.country.code for entry in speakers_list(debate)]
    assert order == ["FR", "KE"]
    assert Inscription.objects.get(pk=first.pk).withdrawn_at is not None


def test_swapping_needs_exactly_two_speakers(client, debate):
    a = inscribe(debate, "ZA", "head_of_state", at(3, 9))
    b = inscribe(debate, "FR", "minister", at(1, 9))
    c = inscribe(debate, "BR", "minister", at(2, 9))
    staff(client, "view_inscription", "change_inscription")

    client.post(
        "/admin/programme/inscription/",
        {"action": "swap_selected", "_selected_action": [a.pk, b.pk, c.pk]},
    )
    unchanged = [entry.pk for entry in speakers_list(debate)]
    client.post(
        "/admin/programme/inscription/",
        {"action": "swap_selected", "_selected_action": [a.pk, c.pk]},
    )

    assert unchanged == [a.pk, b.pk, c.pk]
    assert [entry.pk for entry in speakers_list(debate)] == [c.pk, b.pk, a.pk]


def test_a_reader_cannot_change_the_list(client, debate):
    entry = inscribe(debate, "ZA", "head_of_state", at(3, 9))
    staff(client, "view_inscription")

    response = client.post(_page(debate), {"do": "withdraw", "inscription": entry.pk})

    assert response.status_code == 403
    assert Inscription.objects.get(pk=entry.pk).withdrawn_at is None


def test_a_bad_position_is_refused_with_a_message(client, debate):
    entry = inscribe(debate, "ZA", "head_of_state", at(3, 9))
    staff(client, "view_inscription", "change_inscription")

    response = client.post(
        _page(debate), {"do": "move", "inscription": entry.pk, "position": "zero"}, follow=True
    )

    assert response.status_code == 200
    assert Inscription.objects.get(pk=entry.pk).position is None


def test_organisers_substitute_a_speaker_and_the_list_ranks_the_delegation_again(client, debate):
    france = inscribe(debate, "FR", "minister", at(1, 9))
    germany = inscribe(debate, "DE", "minister", at(1, 10))
    stranger = DelegateFactory(delegation=germany.delegation, protocol_rank="delegate")
    deputy = DelegateFactory(delegation=france.delegation, protocol_rank="ambassador")
    staff(client, "view_inscription", "change_inscription")

    refused = client.post(
        _page(debate),
        {"do": "substitute", "inscription": france.pk, "speaker": stranger.pk},
        follow=True,
    )
    client.post(_page(debate), {"do": "substitute", "inscription": france.pk, "speaker": deputy.pk})

    assert "The speaker must be a member of the delegation." in refused.content.decode()
    assert speakers_list(debate) == [germany, france]
    france.refresh_from_db()
    assert (france.speaker, france.level) == (deputy, "ambassador")


def test_the_console_refuses_a_speaker_from_another_delegation(client, debate):
    kenya = DelegationFactory(conference=debate, country="KE")
    ghana = DelegationFactory(conference=debate, country="GH")
    foreign = DelegateFactory(delegation=ghana, role="head", protocol_rank="minister")
    staff(client, "view_inscription", "change_inscription")

    response = client.post(
        _page(debate), {"do": "add", "delegation": kenya.pk, "speaker": foreign.pk}
    )

    assert response.status_code == 200
    assert "The speaker must be a member of the delegation." in response.content.decode()
    assert not Inscription.objects.exists()


def test_the_list_writes_its_expected_times_in_the_readers_language(client, debate):
    inscribe(debate, "FR", "minister", at(1, 9))
    staff(client, "view_inscription")

    page = client.get(_page(debate), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "10月25日周六 14:00" in page
