"""Helpers of the arrivals' tests: a conference's delegations with travel and their officers."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group, User
from django.test import Client

from delegations.models import LiaisonOfficer, Travel
from delegations.services import assign_liaison_officer
from tests.console import authenticator, code_of, sign_in_to_console
from tests.factories import DelegateFactory

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "a-long-liaison-password"


def hanoi(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


def traveller(delegation, *, rank="delegate", family_name, arrives_at, flight, **travel):
    delegate = DelegateFactory(
        delegation=delegation, protocol_rank=rank, family_name=family_name, given_names="Alex"
    )
    Travel.objects.create(
        delegate=delegate,
        arrives_at=arrives_at,
        arrival_flight=flight,
        arrival_airport="HAN",
        departs_at=arrives_at + dt.timedelta(days=2),
        departure_flight=f"{flight}X",
        **travel,
    )
    return delegate


def officer_of(conference, *delegations, email="liaison@host.example.vn", name="Nguyen Lan"):
    user = User.objects.create_user(email, email=email, password=PASSWORD)
    officer = LiaisonOfficer.objects.create(
        conference=conference, user=user, name=name, phone="+84 90 000 0000"
    )
    for delegation in delegations:
        assign_liaison_officer(delegation, officer)
    return officer


def console_member(role, username=None):
    user = User.objects.create_user(username or role.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return sign_in_to_console(Client(), user)


def signed_in_officer(email, client=None):
    """A client signed in as the officer at `email`, with the authenticator app the liaison
    pages require (one step: address, password and the app's code)."""
    client = client or Client()
    device = authenticator(User.objects.get(username=email))
    client.post(
        "/liaison/sign-in/",
        {"username": email, "password": PASSWORD, "otp_token": code_of(device)},
    )
    return client
