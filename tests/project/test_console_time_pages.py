"""Console pages about no conference yet (an add page, an unfiltered list) speak in the time of
the conference the object is made for or belongs to, not in the default conference's: a session
typed for the Vienna meeting at 10:00 is 10:00 in Vienna, and a list shows each row in the time
of its own conference."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from conference.local_time import time_label
from conference.models import Conference
from config.console_time import console_conference
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
            f"translation_{code.replace('-', '_')}_{key}": ""
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
        reverse("admin:programme_session_add") + f"?conference={vienna.pk}",
        _new_session(vienna, room, "10:00:00"),
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

    page = admin_client.post(
        reverse("admin:programme_session_add") + f"?conference={vienna.pk}", data
    ).content.decode()

    assert 'name="starts_at_1" value="10:00:00"' in page
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in page
    assert Session.objects.count() == 0


@time_machine.travel(TODAY, tick=False)
def test_adding_asks_for_the_conference_first_when_conferences_keep_different_times(
    admin_client, hanoi_and_vienna
):
    _hanoi, vienna = hanoi_and_vienna
    add = reverse("admin:programme_session_add")

    page = admin_client.get(add, {"_changelist_filters": "state=draft"}).content.decode()

    assert "For which conference?" in page
    assert "starts_at_1" not in page  # no time to type before the conference is chosen
    assert f'href="{add}?_changelist_filters=state%3Ddraft&amp;conference={vienna.pk}"' in page
    assert "(<bdi>1 February 2027</bdi>, <bdi>Vienna time, UTC+1</bdi>)" in page
    assert "(<bdi>8 January 2027</bdi>, <bdi>Hanoi time, UTC+7</bdi>)" in page


@time_machine.travel(TODAY, tick=False)
def test_an_add_page_for_a_conference_named_in_its_address_is_labelled_with_it(
    admin_client, hanoi_and_vienna
):
    hanoi, vienna = hanoi_and_vienna
    add = reverse("admin:programme_session_add")

    for_hanoi = admin_client.get(add, {"conference": hanoi.pk}).content.decode()
    for_vienna = admin_client.get(add, {"conference": vienna.pk}).content.decode()

    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in for_hanoi
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in for_vienna


@time_machine.travel(TODAY, tick=False)
def test_conferences_in_one_timezone_open_the_add_form_at_once(admin_client):
    ConferenceFactory(slug="hanoi2025")
    ConferenceFactory(
        slug="rehearsal", start_date=dt.date(2027, 1, 8), end_date=dt.date(2027, 1, 9)
    )

    page = admin_client.get(reverse("admin:programme_session_add")).content.decode()

    assert "For which conference?" not in page
    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in page


@pytest.fixture
def vienna_by_default():
    """Vienna is the console's default (the next to end); Hanoi comes after it."""
    vienna = ConferenceFactory(
        slug="vienna",
        city="Vienna",
        timezone="Europe/Vienna",
        start_date=dt.date(2027, 1, 8),
        end_date=dt.date(2027, 1, 9),
    )
    hanoi = ConferenceFactory(
        slug="hanoi", start_date=dt.date(2027, 2, 1), end_date=dt.date(2027, 2, 5)
    )
    return Conference.objects.get(pk=hanoi.pk), Conference.objects.get(pk=vienna.pk)


@time_machine.travel(TODAY, tick=False)
def test_18_00_typed_for_hanoi_is_11_00_utc_when_the_default_conference_is_elsewhere(
    admin_client, vienna_by_default
):
    hanoi, _vienna = vienna_by_default
    room = RoomFactory(venue=hanoi.venue)
    add = reverse("admin:programme_session_add")
    choice = admin_client.get(add).content.decode()
    assert f'href="{add}?conference={hanoi.pk}"' in choice

    form = admin_client.get(add, {"conference": hanoi.pk}).content.decode()
    response = admin_client.post(
        f"{add}?conference={hanoi.pk}",
        _new_session(hanoi, room, "18:00:00") | {"ends_at_1": "19:00:00"},
    )

    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in form
    assert response.status_code == 302
    session = Session.objects.get(slug="committee-opening")
    assert session.starts_at == dt.datetime(2027, 2, 1, 11, 0, tzinfo=dt.UTC)


@time_machine.travel(TODAY, tick=False)
def test_times_typed_in_one_conferences_time_for_another_are_checked_before_saving(
    admin_client, vienna_by_default
):
    hanoi, vienna = vienna_by_default
    room = RoomFactory(venue=hanoi.venue)
    data = _new_session(hanoi, room, "18:00:00") | {"ends_at_1": "19:00:00"}
    shown_for_vienna = reverse("admin:programme_session_add") + f"?conference={vienna.pk}"

    page = admin_client.post(shown_for_vienna, data).content.decode()

    assert Session.objects.count() == 0
    assert (
        "The dates and times were typed in Vienna time, UTC+1, but this is for a conference in "
        "Hanoi time, UTC+7. Check them, now shown in Hanoi time, UTC+7, and save again."
    ) in page
    assert 'name="starts_at_1" value="18:00:00"' in page
    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in page
    again = reverse("admin:programme_session_add") + f"?conference={hanoi.pk}"
    assert f'action="{again}"' in page

    response = admin_client.post(again, data)

    assert response.status_code == 302
    session = Session.objects.get(slug="committee-opening")
    assert session.starts_at == dt.datetime(2027, 2, 1, 11, 0, tzinfo=dt.UTC)


def test_a_conferences_own_form_reads_its_deadlines_in_the_timezone_typed_on_it(rf):
    ConferenceFactory()  # the default, in Hanoi
    request = rf.post(
        reverse("admin:conference_conference_add"),
        {"timezone": "Europe/Vienna", "city": "Vienna", "start_date": "2027-02-01"},
    )

    conference = console_conference(request)

    assert time_label(conference) == "Vienna time, UTC+1"


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


def _hanoi_and_vienna_mornings(hanoi, vienna):
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


@time_machine.travel(TODAY, tick=False)
def test_a_list_of_rows_in_several_timezones_labels_each_rows_times(admin_client, hanoi_and_vienna):
    _hanoi_and_vienna_mornings(*hanoi_and_vienna)

    page = admin_client.get(reverse("admin:programme_session_changelist")).content.decode()

    hanoi_label = '8 January 2027, 09:00<br><span class="conference-time">Hanoi time, UTC+7</span>'
    vienna_label = (
        '1 February 2027, 10:00<br><span class="conference-time">Vienna time, UTC+1</span>'
    )
    assert hanoi_label in page
    assert vienna_label in page
    assert page.count('<span class="conference-time">') == 4  # starts and ends of two rows
    assert "<h2>Times in" not in page


@time_machine.travel(TODAY, tick=False)
def test_a_list_of_rows_in_one_timezone_says_it_once_under_its_title(
    admin_client, hanoi_and_vienna
):
    hanoi, vienna = hanoi_and_vienna
    _hanoi_and_vienna_mornings(hanoi, vienna)

    page = admin_client.get(
        reverse("admin:programme_session_changelist"), {"conference__id__exact": vienna.pk}
    ).content.decode()

    assert "<h2>Times in Vienna time, UTC+1</h2>" in page
    assert "1 February 2027, 10:00</td>" in page
    assert '<span class="conference-time">' not in page


@time_machine.travel(TODAY, tick=False)
def test_a_list_labels_its_rows_times_in_the_readers_language(admin_client, hanoi_and_vienna):
    _hanoi_and_vienna_mornings(*hanoi_and_vienna)

    page = admin_client.get(
        reverse("admin:programme_session_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert '<span class="conference-time">heure de Vienna, UTC+1</span>' in page


@time_machine.travel(TODAY, tick=False)
def test_adding_from_a_list_of_one_conference_opens_the_form_for_it(admin_client, hanoi_and_vienna):
    _hanoi, vienna = hanoi_and_vienna
    add = reverse("admin:programme_session_add")
    filters = f"conference__id__exact={vienna.pk}"

    response = admin_client.get(add, {"_changelist_filters": filters})

    assert response.status_code == 302
    assert response["Location"] == (
        f"{add}?_changelist_filters=conference__id__exact%3D{vienna.pk}&conference={vienna.pk}"
    )
    page = admin_client.get(response["Location"]).content.decode()
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in page
