"""Arrivals and departures: the protocol by rank, the day's parties, and the liaison officer
who hears of every change."""

import re

import pytest
from django.core import mail
from django.test import Client

from delegations.enums import AirportTransfer, GreetingLevel, GroundTransport, ProtocolRank
from delegations.errors import LiaisonOfficerExists, NotTheSameConference
from delegations.models import LiaisonAssignment, LiaisonOfficer, OutboundMessage, Travel
from delegations.services import (
    arrival_protocol,
    assign_liaison_officer,
    movements_on,
    register_liaison_officer,
    save_travel,
    save_travel_as_organiser,
)
from tests.delegations.arrivals.support import hanoi, officer_of, traveller
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rank", "greeting", "lounge", "transport"),
    [
        (ProtocolRank.HEAD_OF_STATE, GreetingLevel.MINISTER, True, GroundTransport.MOTORCADE),
        (ProtocolRank.CROWN_PRINCE, GreetingLevel.MINISTER, True, GroundTransport.MOTORCADE),
        (ProtocolRank.HEAD_OF_GOVERNMENT, GreetingLevel.MINISTER, True, GroundTransport.MOTORCADE),
        (ProtocolRank.MINISTER, GreetingLevel.VICE_MINISTER, True, GroundTransport.CAR),
        (ProtocolRank.AMBASSADOR, GreetingLevel.PROTOCOL_DIRECTOR, True, GroundTransport.CAR),
        (ProtocolRank.SENIOR_OFFICIAL, GreetingLevel.LIAISON_OFFICER, False, GroundTransport.NONE),
    ],
)
def test_arrival_protocol_follows_the_principals_rank(rank, greeting, lounge, transport):
    protocol = arrival_protocol(rank)

    assert (protocol.greeting, protocol.vip_lounge, protocol.transport) == (
        greeting,
        lounge,
        transport,
    )


def test_a_delegate_who_asked_for_a_transfer_takes_the_shuttle():
    protocol = arrival_protocol(ProtocolRank.DELEGATE, transfer=AirportTransfer.ARRIVAL)

    assert protocol.transport == GroundTransport.SHUTTLE


def test_the_days_arrivals_group_each_party_by_flight_in_time_and_precedence_order():
    conference = ConferenceFactory()
    france = DelegationFactory(conference=conference, country="FR")
    japan = DelegationFactory(conference=conference, country="JP")
    traveller(france, family_name="ADVISER", arrives_at=hanoi(24, 14), flight="AF198")
    traveller(
        france,
        rank="head_of_state",
        family_name="PRESIDENT",
        arrives_at=hanoi(24, 14),
        flight="af198",
        hotel="Hotel Metropole",
    )
    traveller(
        japan, rank="minister", family_name="MINISTER", arrives_at=hanoi(24, 9), flight="JL751"
    )
    # 23:30 in Hanoi on the 23rd is 16:30 UTC: not the 24th's, wherever the server is.
    traveller(japan, family_name="EARLY", arrives_at=hanoi(23, 23, 30), flight="JL755")
    # Leaves on the 24th: a departure, not an arrival.
    traveller(japan, family_name="LATE", arrives_at=hanoi(22, 10), flight="JL700")

    movements = movements_on(conference, hanoi(24, 0).date())

    assert [(m.delegation.country.code, m.flight) for m in movements] == [
        ("JP", "JL751"),
        ("FR", "AF198"),
    ]
    assert [p.family_name for p in movements[1].people] == ["PRESIDENT", "ADVISER"]
    assert movements[1].hotels == ["Hotel Metropole"]
    assert movements[1].protocol.transport == GroundTransport.MOTORCADE
    departures = movements_on(conference, hanoi(24, 0).date(), direction="departure")
    assert [p.family_name for m in departures for p in m.people] == ["LATE"]


def test_a_change_of_travel_reaches_the_liaison_officer_once(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://conference.example.org"
    delegation = DelegationFactory(status="confirmed")
    delegate = traveller(delegation, family_name="MOVED", arrives_at=hanoi(24, 9), flight="AF1")
    officer_of(delegation.conference, delegation)

    with django_capture_on_commit_callbacks(execute=True):
        save_travel(delegate, arrival_flight="AF2", arrives_at=hanoi(24, 15))
    with django_capture_on_commit_callbacks(execute=True):
        save_travel(delegate, arrival_flight="AF2", arrives_at=hanoi(24, 15))  # nothing new

    (message,) = mail.outbox
    assert message.to == ["liaison@host.example.vn"]
    assert message.subject == "Travel changed: Alex MOVED (France)"
    assert "has changed: arrival (date and time), arrival flight." in message.body
    assert "flight AF2, HAN" in message.body
    assert f"https://conference.example.org/liaison/delegations/{delegation.pk}/" in message.body


def test_a_change_without_a_liaison_officer_sends_nothing(django_capture_on_commit_callbacks):
    delegation = DelegationFactory(status="confirmed")
    delegate = traveller(delegation, family_name="ALONE", arrives_at=hanoi(24, 9), flight="AF1")

    with django_capture_on_commit_callbacks(execute=True):
        save_travel(delegate, hotel="Daewoo")

    assert mail.outbox == []
    assert Travel.objects.get(delegate=delegate).hotel == "Daewoo"


def test_the_logistics_desks_change_reaches_the_officer_in_their_language(
    django_capture_on_commit_callbacks,
):
    delegation = DelegationFactory(status="registered")  # closed to the focal point
    delegate = traveller(delegation, family_name="VIP", arrives_at=hanoi(24, 9), flight="VN18")
    officer = officer_of(delegation.conference, delegation)
    officer.language = "vi"
    officer.save()
    travel = delegate.travel
    travel.hotel = "Sofitel Legend Metropole"

    with django_capture_on_commit_callbacks(execute=True):
        save_travel_as_organiser(travel)

    (message,) = mail.outbox
    assert message.subject == "Thay đổi lịch trình: Alex VIP (Pháp)"
    assert "Khách sạn: Sofitel Legend Metropole" in message.body


def test_registering_an_officer_sends_a_link_to_choose_a_password(
    django_capture_on_commit_callbacks,
):
    conference = ConferenceFactory()

    with django_capture_on_commit_callbacks(execute=True):
        officer = register_liaison_officer(
            conference, name="Tran Minh", email=" Minh@Host.example.VN ", language="fr"
        )

    (message,) = mail.outbox
    assert message.to == ["minh@host.example.vn"]
    assert message.subject == f"Votre compte d'officier de liaison : {conference.name}"
    assert not officer.user.has_usable_password()
    assert not officer.user.is_staff
    link = re.search(r"http://[^\s]+(/liaison/password/[^\s]+/)", message.body).group(1)
    # The secret lives in the row only until it is sent.
    assert OutboundMessage.objects.get().secret == ""
    browser = Client()
    form = browser.get(link, follow=True)
    chosen = browser.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Hanoi-2025-liaison", "new_password2": "Hanoi-2025-liaison"},
    )
    assert chosen["Location"] == "/liaison/sign-in/"
    signed_in = browser.post(
        "/liaison/sign-in/", {"username": "MINH@host.example.vn", "password": "Hanoi-2025-liaison"}
    )
    assert signed_in["Location"] == "/liaison/"


def test_registering_the_same_address_twice_for_a_conference_is_refused():
    conference = ConferenceFactory()
    register_liaison_officer(conference, name="Tran Minh", email="minh@host.example.vn")

    with pytest.raises(LiaisonOfficerExists):
        register_liaison_officer(conference, name="Someone", email="MINH@host.example.vn")

    assert LiaisonOfficer.objects.get().name == "Tran Minh"


def test_an_officer_of_another_conference_cannot_take_a_delegation():
    delegation = DelegationFactory()
    officer = officer_of(ConferenceFactory())

    with pytest.raises(NotTheSameConference):
        assign_liaison_officer(delegation, officer)

    assert not LiaisonAssignment.objects.exists()


def test_assigning_a_new_officer_replaces_the_previous_one():
    delegation = DelegationFactory()
    first = officer_of(delegation.conference, delegation)
    second = officer_of(delegation.conference, email="other@host.example.vn", name="Other")

    assign_liaison_officer(delegation, second)

    assert LiaisonAssignment.objects.get().officer == second
    assert first.assignments.count() == 0
