"""The conference's own time in the console: what is typed is read in the conference's timezone,
shown in it, and labelled ("Hanoi time, UTC+7"), whatever the server's TIME_ZONE."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from conference.local_time import conference_path, conference_time, time_label
from conference.models import Conference
from delegations.models import Delegate, Travel
from sessions.models import Session
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _session_form(session, day, clock):
    return {
        "conference": session.conference_id,
        "slug": session.slug,
        "kind": session.kind,
        "title": session.title,
        "description": "",
        "translations": "{}",
        "room": session.room_id,
        "starts_at_0": day,
        "starts_at_1": clock,
        "ends_at_0": day,
        "ends_at_1": "19:00:00",
        "capacity": "",
        "access": session.access,
        "languages": '["en"]',
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
    }


@pytest.fixture
def press_conference():
    conference = ConferenceFactory()
    return SessionFactory(
        conference=conference,
        room=RoomFactory(venue=conference.venue),
        slug="press",
        starts_at=dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI),
    )


def test_a_time_typed_in_the_console_is_the_conferences_wall_clock_time(
    admin_client, press_conference, settings
):
    assert settings.TIME_ZONE == "UTC"
    url = reverse("admin:programme_session_change", args=[press_conference.pk])

    response = admin_client.post(url, _session_form(press_conference, "2025-10-25", "18:00:00"))

    assert response.status_code == 302
    press_conference.refresh_from_db()
    assert press_conference.starts_at == dt.datetime(2025, 10, 25, 11, 0, tzinfo=dt.UTC)
    assert press_conference.starts_at.astimezone(HANOI).time() == dt.time(18, 0)


def test_the_console_shows_the_conferences_time_labelled_beside_the_widget(
    admin_client, press_conference
):
    url = reverse("admin:programme_session_change", args=[press_conference.pk])

    page = admin_client.get(url).content.decode()

    assert 'name="starts_at_1" value="09:00:00"' in page  # not 02:00, the UTC time
    assert '<span class="conference-time">Hanoi time, UTC+7</span>' in page


def test_the_console_list_shows_the_conferences_time(admin_client, press_conference):
    page = admin_client.get(reverse("admin:programme_session_changelist")).content.decode()

    assert "25 October 2025, 09:00" in page
    assert "02:00" not in page


def test_an_object_bound_through_others_takes_its_conferences_time(admin_client, settings):
    vienna = ConferenceFactory(
        city="Vienna",
        timezone="Europe/Vienna",
        start_date=dt.date(2026, 1, 26),
        end_date=dt.date(2026, 1, 30),
    )
    conference = Conference.objects.get(pk=vienna.pk)
    session = SessionFactory(
        conference=conference,
        room=RoomFactory(venue=conference.venue),
        starts_at=dt.datetime(2026, 1, 26, 10, 0, tzinfo=conference.tzinfo),
        ends_at=dt.datetime(2026, 1, 26, 11, 0, tzinfo=conference.tzinfo),
    )

    page = admin_client.get(
        reverse("admin:programme_session_change", args=[session.pk])
    ).content.decode()

    assert 'name="starts_at_1" value="10:00:00"' in page
    assert '<span class="conference-time">Vienna time, UTC+1</span>' in page


def test_models_find_their_conference_through_their_foreign_keys():
    assert conference_path(Conference) == ""
    assert conference_path(Session) == "conference"
    assert conference_path(Delegate) == "conference"
    assert conference_path(Travel) == "delegate__conference"


def test_the_label_says_the_city_and_offset_in_the_readers_language():
    hanoi = ConferenceFactory.build()
    delhi = ConferenceFactory.build(city="New Delhi", timezone="Asia/Kolkata")

    assert time_label(hanoi) == "Hanoi time, UTC+7"
    assert time_label(delhi) == "New Delhi time, UTC+5:30"
    with translation.override("fr"):
        assert time_label(hanoi) == "heure de Hanoi, UTC+7"
    with translation.override("vi"):
        assert time_label(hanoi) == "giờ Hanoi, UTC+7"


def test_the_label_writes_the_city_in_the_readers_script():
    hanoi = ConferenceFactory.build(
        languages=["en", "ar", "zh-hans"],
        translations={"ar": {"city": "هانوي"}, "zh-hans": {"city": "河内"}},
    )

    with translation.override("ar"):
        assert time_label(hanoi) == "توقيت هانوي، UTC+7"
    with translation.override("zh-hans"):
        assert time_label(hanoi) == "河内时间\N{FULLWIDTH COMMA}UTC+7"
    # A language the organisers did not translate the city into reads it as typed.
    with translation.override("ru"):
        assert "Hanoi" in time_label(hanoi)


def test_conference_time_restores_the_previous_timezone():
    with conference_time(ConferenceFactory.build()):
        assert timezone.get_current_timezone() == HANOI
    assert timezone.get_current_timezone_name() == "UTC"


def test_the_conferences_own_deadlines_are_shown_in_its_time(admin_client):
    conference = ConferenceFactory()  # reply by 6 October 2025, 17:00 in Hanoi (10:00 UTC)

    page = admin_client.get(
        reverse("admin:conference_conference_change", args=[conference.pk])
    ).content.decode()

    assert 'name="reply_deadline_1" value="17:00:00"' in page
    assert page.count('<span class="conference-time">Hanoi time, UTC+7</span>') == 2


@pytest.mark.parametrize(
    ("language", "times_in", "local_times"),
    [
        ("ar", "الأوقات: توقيت Hanoi، UTC+7", "الأوقات بالتوقيت المحلي: توقيت Hanoi، UTC+7."),
        ("zh-hans", "时间均为Hanoi时间，UTC+7", "时间均为当地时间：Hanoi时间，UTC+7。"),  # noqa: RUF001
        ("vi", "Thời gian theo giờ Hanoi, UTC+7", "Thời gian là giờ địa phương: giờ Hanoi, UTC+7."),
        ("es", "Horas: hora de Hanoi, UTC+7", "Las horas son locales: hora de Hanoi, UTC+7."),
    ],
)
def test_the_sentences_around_the_label_do_not_say_time_twice(language, times_in, local_times):
    # "الأوقات بتوقيت توقيت Hanoi", "múi giờ giờ Hanoi": the label already says "time".
    with translation.override(language):
        label = time_label(ConferenceFactory.build())
        assert translation.gettext("Times in %(time_label)s") % {"time_label": label} == times_in
        assert translation.gettext("Times are local times in %(tz)s.") % {"tz": label} == (
            local_times
        )
