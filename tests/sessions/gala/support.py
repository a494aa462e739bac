"""Helpers, data and fixtures shared by the tests of this package."""

import datetime as dt
import unicodedata
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission, User
from pypdf import PdfReader

from sessions import services
from sessions.models import GalaTable
from sessions.selectors import (
    seating_plan,
)
from tests.console import sign_in_to_console
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    SessionFactory,
)

# ễ, ư, ơ and ạ; as printed, given names first.
VIETNAMESE_NAME = "Thị Phương Hạnh Nguyễn"


@pytest.fixture
def gala():
    conference = ConferenceFactory(host_country="VN", lot_letter="A")
    return SessionFactory(
        conference=conference,
        kind="gala_dinner",
        title="Gala dinner",
        starts_at=dt.datetime(2025, 10, 25, 19, 30, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 22, 0, tzinfo=HANOI),
    )


def delegation_of(conference, country, language="en"):
    return DelegationFactory(conference=conference, country=country, language=language)


def head_of(delegation, rank, **fields):
    return member_of(delegation, rank, role="head", **fields)


def member_of(delegation, rank="delegate", role="member", **fields):
    return DelegateFactory(
        delegation=delegation,
        role=role,
        protocol_rank=rank,
        email=f"{delegation.country.code.lower()}.{role}.{rank}@mission.example.org",
        **fields,
    )


def attend(gala, *delegates):
    for delegate in delegates:
        services.answer_gala_dinner(gala, delegate=delegate, attending=True)


def table(gala, number, seats, **fields):
    return GalaTable.objects.create(session=gala, number=number, seats=seats, **fields)


def plan_of(gala):
    return [
        (t.number, seat.seat_number, seat.delegate.delegation.country.code, seat.delegate.role)
        for t in seating_plan(gala)
        for seat in t.seated
    ]


def pdf_text(content):
    reader = PdfReader(BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text), len(reader.pages)


@pytest.fixture
def seated_gala(gala):
    conference = gala.conference
    host = head_of(
        delegation_of(conference, "VN", "vi"),
        "minister_for_foreign_affairs",
        family_name="Nguyễn",
        given_names="Thị Phương Hạnh",
    )
    french = head_of(
        delegation_of(conference, "FR", "fr"),
        "minister",
        family_name="Lefèvre",
        given_names="Élodie",
    )
    member = member_of(french.delegation, family_name="Dupont", given_names="Jean")
    services.answer_gala_dinner(gala, delegate=host, attending=True)
    services.answer_gala_dinner(gala, delegate=french, attending=True, dietary_needs="Vegetarian")
    services.answer_gala_dinner(gala, delegate=member, attending=True)
    table(gala, 1, 3, is_top_table=True)
    table(gala, 2, 6)
    services.seat_gala_dinner(gala)
    return gala


@pytest.fixture
def staff(client):
    def login(*permissions):
        user = User.objects.create_user("protocol", password="x", is_staff=True)
        user.user_permissions.set(
            Permission.objects.filter(content_type__app_label="programme", codename__in=permissions)
        )
        return sign_in_to_console(client, user)

    return login
