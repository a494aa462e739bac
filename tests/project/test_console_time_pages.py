"""Console pages about no conference yet (an add page, an unfiltered list) speak in the time of
the conference the object is made for or belongs to, not in the default conference's: a session
typed for the Vienna meeting at 10:00 is 10:00 in Vienna, and a list shows each row in the time
of its own conference."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from conference.models import Conference
from sessions.models import Session
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")
TODAY = dt.datetime(2026, 12, 4, 3, 0, tzinfo=dt.UTC)
DURING_HANOI = dt.datetime(2025, 10, 25, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hanoi, first day
LANGUAGES = ["ar", "zh-hans", "en", "es", "fr", "ru", "vi"]


@pytest.fixture
def hanoi_and_vienna():
    """The Hanoi conference (the console's default: the next to end) and a meeting in Vienna."""
    hanoi = ConferenceFactory(
        slug="rehearsal", start_date=dt.date(2027, 1, 8), end_date=dt.date(2027, 1, 9)
    )
    vienna = ConferenceFactory(
        slug="vienna",
        city="Vienna",
        timezone="Europe/Vienna",
        start_date=dt.date(2027, 2, 1),
        end_date=dt.date(2027, 2, 5),
    )
    return Conference.objects.get(pk=hanoi.pk), Conference.objects.get(pk=vienna.pk)


def _new_session(conference, room, clock):
    return {
        "conference": conference.pk,
        "slug": "committee-opening",
        "kind": "roundtable",
        "title": "Opening of the committee",
        "description": "",
        "room": room.pk,
        "starts_at_0": "2027-02-01",
        "starts_at_1": clock,
        "ends_at_0": "2027-02-01",
        "ends_at_1": "13:00:00",
        "capacity": "",
        "access": "open",
        "languages": '["en"]',
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        **{
            f"translation_{code}_{key}": ""
            for code in LANGUAGES
            for key in ("title", "description")
        },
    }


@time_machine.travel(TODAY, tick=False)
def test_an_add_page_reads_the_time_in_the_chosen_conferences_timezone(
    admin_client, hanoi_and_vienna
):
    _hanoi, vienna = hanoi_and_vienna
    room = RoomFactory(venue=vienna.venue)

    response = admin_client.post(
        reverse("admin:programme_session_add"), _new_session(vienna, room, "10:00:00")
    )

    assert response.status_code == 302
    session = Session.objects.get(slug="committee-opening")
    assert session.starts_at == dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)
    assert session.starts_at.astimezone(VIENNA).time() == dt.time(10, 0)


@time_machine.travel(TODAY, tick=False)
def test_an_add_page_refused_shows_the_typed_time_labelled_with_the_chosen_conference(
    admin_client, hanoi_and_vienna
):
    _hanoi, vienna = hanoi_and_vienna
    room = RoomFactory(venue=vienna.venue)
    data = _new_session(vienna, room, "10:00:00") | {"ends_at_1": "09:00:00"}  # ends first

    page = admin_client.post(reverse("admin:programme_session_add"), data).content.decode()

    assert 'name="starts_at_1" value="10:00:00"' in page
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in page
    assert Session.objects.count() == 0


@time_machine.travel(TODAY, tick=False)
def test_an_add_page_for_a_conference_named_in_its_address_is_labelled_with_it(
    admin_client, hanoi_and_vienna
):
    _hanoi, vienna = hanoi_and_vienna

    default = admin_client.get(reverse("admin:programme_session_add")).content.decode()
    chosen = admin_client.get(
        reverse("admin:programme_session_add"), {"conference": vienna.pk}
    ).content.decode()

    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in default
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in chosen


@pytest.mark.parametrize("now", [TODAY, DURING_HANOI], ids=["today", "during-hanoi"])
def test_an_unfiltered_list_shows_each_row_in_its_conferences_time(
    admin_client, hanoi_and_vienna, now
):
    hanoi, vienna = hanoi_and_vienna
    SessionFactory(
        conference=hanoi,
        title="Hanoi morning",
        starts_at=dt.datetime(2027, 1, 8, 9, 0, tzinfo=HANOI),
        ends_at=dt.datetime(2027, 1, 8, 10, 0, tzinfo=HANOI),
    )
    SessionFactory(
        conference=vienna,
        title="Vienna morning",
        starts_at=dt.datetime(2027, 2, 1, 10, 0, tzinfo=VIENNA),
        ends_at=dt.datetime(2027, 2, 1, 11, 0, tzinfo=VIENNA),
    )

    with time_machine.travel(now, tick=False):
        page = admin_client.get(reverse("admin:programme_session_changelist")).content.decode()

    assert "8 January 2027, 09:00" in page
    assert "1 February 2027, 10:00" in page
    assert "1 February 2027, 16:00" not in page  # Vienna's 10:00 read in Hanoi time
