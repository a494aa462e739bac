"""khal, a calendar client nobody here wrote, subscribed to a personal agenda: it shows the
session at the conference's wall-clock time, takes a move as the same entry, and marks a
cancellation, from the agenda's bytes as they are served."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from sessions import services
from sessions.models import SessionPerson
from tests.factories import HANOI, DelegateFactory, SessionFactory

pytestmark = pytest.mark.django_db

KHAL = Path(sys.executable).parent / "khal"
CONFIG = """\
[calendars]
[[agenda]]
path = {root}/agenda
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Asia/Ho_Chi_Minh
default_timezone = Asia/Ho_Chi_Minh
[default]
default_calendar = agenda
[sqlite]
path = {root}/khal.db
"""


def at(hour):
    return dt.datetime(2025, 10, 25, hour, tzinfo=HANOI)


class Khal:
    """One subscriber: a vdir calendar that takes the agenda each time it is fetched."""

    def __init__(self, root: Path):
        (root / "agenda").mkdir()
        self.root = root
        self.config = root / "khal.conf"
        self.config.write_text(CONFIG.format(root=root))

    def run(self, *arguments):
        done = subprocess.run(
            [str(KHAL), "-c", str(self.config), *arguments],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def take(self, content: bytes):
        feed = self.root / "agenda.ics"
        feed.write_bytes(content)
        self.run("import", "--batch", "-a", "agenda", str(feed))

    def day(self):
        lines = self.run(
            "list", "--format", "{cancelled}{start-time} {title}", "2025-10-25", "2025-10-25"
        )
        return [line for line in lines.splitlines() if ":" in line]


@pytest.fixture
def subscriber(tmp_path):
    return Khal(tmp_path)


@pytest.fixture
def speaker():
    delegate = DelegateFactory(delegation__conference__slug="hanoi2025")
    conference = delegate.delegation.conference
    session = services.publish_session(
        SessionFactory(
            conference=conference,
            slug="rt1",
            title="Roundtable on electronic evidence",
            starts_at=at(14),
            ends_at=at(15),
        )
    )
    SessionPerson.objects.create(session=session, role="speaker", delegate=delegate)
    services.release_schedule(conference)
    return session, services.issue_agenda_link(delegate)


def _agenda(client, token):
    response = client.get(f"/api/v1/agenda/{token}.ics")
    assert response.status_code == 200
    return response.content


def test_khal_shows_the_session_at_hanoi_time(client, subscriber, speaker):
    _session, token = speaker

    subscriber.take(_agenda(client, token))

    assert subscriber.day() == ["14:00 Roundtable on electronic evidence"]


def test_khal_replaces_the_entry_when_the_session_moves(client, subscriber, speaker):
    session, token = speaker
    subscriber.take(_agenda(client, token))
    services.reschedule_session(session, starts_at=at(16), ends_at=at(17), room=session.room)
    services.release_schedule(session.conference)

    subscriber.take(_agenda(client, token))

    assert subscriber.day() == ["16:00 Roundtable on electronic evidence"]


def test_khal_marks_the_cancelled_session(client, subscriber, speaker):
    session, token = speaker
    subscriber.take(_agenda(client, token))
    services.cancel_session(session)
    services.release_schedule(session.conference)

    subscriber.take(_agenda(client, token))

    assert subscriber.day() == ["CANCELLED 14:00 Roundtable on electronic evidence"]
