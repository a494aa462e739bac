"""The portal names the conference and the rooms in the reader's language (their translations,
else the conference's languages in order, else as typed)."""

import datetime as dt
import html

import pytest
from django.urls import reverse
from django.utils import translation

from conference.local_time import time_label
from conference.models import Conference
from sessions import services
from tests.factories import HANOI, DelegationFactory, RoomFactory, SessionFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db

FRENCH = "Cérémonie de signature de la Convention des Nations Unies contre la cybercriminalité"
ENGLISH = "Signing ceremony of the United Nations Convention against Cybercrime"


def _translate_the_conference(delegation):
    Conference.objects.filter(pk=delegation.conference_id).update(
        name=ENGLISH,
        languages=["en", "fr"],
        translations={"fr": {"name": FRENCH}, "vi": {"name": "Lễ mở ký"}},
    )


def test_the_invitation_page_heading_names_the_conference_in_french(client, invite):
    delegation = DelegationFactory(language="fr")
    _translate_the_conference(delegation)
    _invitation, token = invite(delegation)

    page = html.unescape(client.get(reverse("portal:invitation", args=[token])).content.decode())

    assert f"<h1>{FRENCH}</h1>" in page
    assert ENGLISH not in page


def test_the_dashboard_names_the_conference_in_the_readers_language(client, invite):
    delegation = signed_in_focal_point(client, invite, language="fr")
    _translate_the_conference(delegation)

    page = html.unescape(client.get(reverse("portal:dashboard")).content.decode())

    assert f"<title>{delegation.display_name}: {FRENCH}</title>" in page
    assert ENGLISH not in page


def test_a_reader_without_a_translation_reads_the_conferences_own_order(client, invite):
    delegation = signed_in_focal_point(client, invite, language="ru")
    _translate_the_conference(delegation)

    page = html.unescape(client.get(reverse("portal:dashboard")).content.decode())

    assert ENGLISH in page  # English comes first in the conference's languages


def test_the_sessions_page_names_the_room_in_the_readers_language(client, invite):
    delegation = signed_in_focal_point(client, invite, language="fr")
    conference = delegation.conference
    hall = RoomFactory(
        venue=conference.venue,
        name="Main Hall",
        translations={"fr": {"name": "Salle principale"}, "ar": {"name": "القاعة الرئيسية"}},
    )
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            starts_at=dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI),
            ends_at=dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI),
        )
    )

    page = html.unescape(client.get(reverse("portal:programme")).content.decode())

    assert ", Salle principale</p>" in page
    assert "Main Hall" not in page


VENUE = {"ar": "المركز الوطني للمؤتمرات", "zh-hans": "国家会议中心"}
CITY = {"ar": "هانوي", "zh-hans": "河内", "fr": "Hanoï"}


@pytest.mark.parametrize(
    ("language", "shown", "city"),
    [
        ("ar", VENUE["ar"], CITY["ar"]),
        ("zh-hans", VENUE["zh-hans"], CITY["zh-hans"]),
        # No Spanish names: the conference's languages are English, then French.
        ("es", "National Convention Center", "Hanoi"),
    ],
)
def test_the_invitation_page_names_the_venue_and_city_in_the_readers_language(
    client, invite, language, shown, city
):
    delegation = DelegationFactory(language=language)
    _translate_the_conference(delegation)
    conference = Conference.objects.get(pk=delegation.conference_id)
    for code, name in CITY.items():
        conference.translations.setdefault(code, {})["city"] = name
    conference.save()
    venue = delegation.conference.venue
    venue.name = "National Convention Center"
    venue.translations = {code: {"name": name} for code, name in VENUE.items()}
    venue.save()
    _invitation, token = invite(delegation)

    page = html.unescape(client.get(reverse("portal:invitation", args=[token])).content.decode())

    # Joined as each language joins a place: "المركز…، هانوي", "河内国家会议中心".
    joined = {"ar": f"{shown}، {city}", "zh-hans": f"{city}{shown}"}.get(
        language, f"{shown}, {city}"
    )
    assert f"<dd>{joined}</dd>" in page
    # The conference's time is named after the city in the reader's language too.
    with translation.override(language):
        label = time_label(conference)
    assert city in label
    assert label in page
