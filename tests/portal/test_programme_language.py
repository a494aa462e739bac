"""The portal's sessions page in the reader's language, with the delegation's place and expected
time on the speakers' list after "Ask to speak"."""

import datetime as dt

import pytest
from django.urls import reverse

from sessions import services
from tests.factories import HANOI, DelegateFactory, RoomFactory, SessionFactory
from tests.portal.support import signed_in_focal_point
from tests.sessions.speakers import at, inscribe, make_debate

pytestmark = pytest.mark.django_db


def test_session_titles_and_descriptions_are_in_the_readers_language(client, invite):
    delegation = signed_in_focal_point(client, invite, language="vi")
    conference = delegation.conference
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=RoomFactory(venue=conference.venue),
            kind="roundtable",
            title="Safeguarding Citizens in the Digital Transformation Era",
            description="A roundtable in English and Vietnamese.",
            translations={
                "vi": {
                    "title": "Bảo vệ công dân trong kỷ nguyên chuyển đổi số",
                    "description": "Bàn tròn bằng tiếng Anh và tiếng Việt.",
                }
            },
            starts_at=dt.datetime(2025, 10, 25, 14, 30, tzinfo=HANOI),
            ends_at=dt.datetime(2025, 10, 25, 15, 30, tzinfo=HANOI),
        )
    )

    page = client.get(reverse("portal:programme")).content.decode()

    assert "<h2>Bảo vệ công dân trong kỷ nguyên chuyển đổi số</h2>" in page
    assert "<p>Bàn tròn bằng tiếng Anh và tiếng Việt.</p>" in page
    assert "Safeguarding Citizens" not in page


def test_asking_to_speak_shows_the_place_and_expected_time_on_the_list(client, invite):
    debate = make_debate()
    inscribe(debate, "ZA", "head_of_state", at(3, 9))
    delegation = signed_in_focal_point(client, invite, conference=debate, language="fr")
    DelegateFactory(delegation=delegation, role="head", protocol_rank="minister")

    response = client.post(reverse("portal:speak"), follow=True)

    page = response.content.decode()
    assert "Place sur la liste : 2." in page
    # Sitting of 25 October from 14:00; South Africa speaks 5 minutes first.
    assert "Heure prévue de l\u2019intervention : 25 octobre 2025 14:05." in page


def test_a_sessions_time_and_room_read_as_arabic_writes_them(client, invite):
    delegation = signed_in_focal_point(client, invite, language="ar")
    conference = delegation.conference
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=RoomFactory(venue=conference.venue, name="R339"),
            kind="roundtable",
            starts_at=dt.datetime(2025, 10, 25, 14, 30, tzinfo=HANOI),
            ends_at=dt.datetime(2025, 10, 25, 15, 30, tzinfo=HANOI),
        )
    )

    page = client.get(reverse("portal:programme")).content.decode()

    # A 24-hour clock, not "2:30 م", and the Arabic comma before the room.
    assert "<p>25 أكتوبر، 2025، 14:30 \N{EN DASH} 15:30، R339</p>" in page
