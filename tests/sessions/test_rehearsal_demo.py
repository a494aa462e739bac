"""The illustrative rehearsal that `load_demo` places ahead of today, beside hanoi2025."""

import datetime as dt

import pytest

from conference.models import Conference
from delegations.models import Delegate, Delegation
from sessions.demo.rehearsal import load_rehearsal_demo, rehearsal_shift
from sessions.models import ScheduleRelease, Session
from tests.factories import HANOI

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 4)  # a Friday


def test_the_rehearsal_opens_eight_weeks_ahead_on_the_records_weekday():
    rehearsal, _report = load_rehearsal_demo(today=TODAY)

    assert rehearsal.slug == "rehearsal"
    assert rehearsal.name.startswith("Rehearsal (illustrative, not a real event): ")
    # 25 October 2025 was a Saturday: the first Saturday at least eight weeks after today.
    assert (rehearsal.start_date, rehearsal.end_date) == (
        dt.date(2027, 1, 30),
        dt.date(2027, 1, 31),
    )
    assert rehearsal.start_date.weekday() == dt.date(2025, 10, 25).weekday()
    # The deadlines keep their distance to the opening: 19 and 11 days before, 17:00 Hanoi time.
    assert rehearsal.reply_deadline == dt.datetime(2027, 1, 11, 17, 0, tzinfo=HANOI)
    assert rehearsal.registration_deadline == dt.datetime(2027, 1, 19, 17, 0, tzinfo=HANOI)


def test_the_rehearsal_has_the_records_programme_at_the_same_wall_clock_times():
    rehearsal, _report = load_rehearsal_demo(today=TODAY)

    opening = Session.objects.get(conference=rehearsal, slug="opening")
    assert opening.starts_at.astimezone(HANOI) == dt.datetime(2027, 1, 30, 9, 0, tzinfo=HANOI)
    assert ScheduleRelease.objects.filter(conference=rehearsal).count() == 1
    assert Session.objects.filter(conference=rehearsal).count() >= 20


def test_the_rehearsal_has_delegations_without_people_for_the_walkthrough():
    rehearsal, _report = load_rehearsal_demo(today=TODAY)

    delegations = Delegation.objects.filter(conference=rehearsal)
    assert delegations.count() >= 250
    assert delegations.filter(country="FR", language="fr").exists()
    assert not Delegate.objects.filter(conference=rehearsal).exists()
    assert not rehearsal.delegations.filter(invitations__isnull=False).exists()


def test_loading_the_rehearsal_twice_the_same_day_changes_nothing():
    first, _report = load_rehearsal_demo(today=TODAY)
    before = (Conference.objects.count(), Session.objects.count(), Delegation.objects.count())

    again, report = load_rehearsal_demo(today=TODAY + dt.timedelta(days=30))

    assert again.start_date == first.start_date
    assert sum(report.created.values()) == 0
    assert (Conference.objects.count(), Session.objects.count(), Delegation.objects.count()) == (
        before
    )


def test_a_rehearsal_whose_registration_closed_moves_ahead_with_its_programme():
    load_rehearsal_demo(today=TODAY)

    moved, report = load_rehearsal_demo(today=dt.date(2027, 1, 20))

    assert moved.start_date == dt.date(2027, 3, 20)
    opening = Session.objects.get(conference=moved, slug="opening")
    assert opening.starts_at.astimezone(HANOI) == dt.datetime(2027, 3, 20, 9, 0, tzinfo=HANOI)
    assert report.created["rehearsal moves"] == 1
    assert ScheduleRelease.objects.filter(conference=moved).count() == 2


def test_the_shift_is_whole_weeks_and_none_when_far_enough_ahead():
    start = dt.date(2025, 10, 25)

    assert rehearsal_shift(start, weeks_ahead=8, today=TODAY) == dt.timedelta(weeks=66)
    assert rehearsal_shift(start, weeks_ahead=8, today=dt.date(2025, 1, 1)) == dt.timedelta(0)
