"""pretalx's own frab importer (`import_schedule`, release 2023.1.3, the last that has it) takes
the demo's schedule.xml as it is served: every event, at Hanoi's wall-clock time, with its room
and speakers.

pretalx needs a Django of its own, so it lives in its own virtualenv, `.venv-pretalx`, made by
`make test` (`make pretalx`), with a SQLite database of its own in a temporary folder.
"""

import json
import os
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PRETALX_PYTHON = Path(
    os.environ.get("PRETALX_PYTHON", Path(settings.BASE_DIR) / ".venv-pretalx" / "bin" / "python")
)
# Prints the imported slots of the released version, as JSON on one marked line (pretalx prints
# banners and warnings around it).
READ_SLOTS = """
import json
from django_scopes import scopes_disabled
from pretalx.schedule.models import TalkSlot
with scopes_disabled():
    slots = TalkSlot.objects.filter(schedule__version=VERSION, submission__isnull=False)
    print("SLOTS" + json.dumps(sorted(
        [s.start.isoformat(), str(s.room.name), s.submission.title,
         sorted(p.name for p in s.submission.speakers.all())]
        for s in slots.select_related("room", "submission")
    )))
"""


def _pretalx(data_dir, *arguments):
    # Nothing of this project's environment: pretalx reads its own settings, from its folder.
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL")
    }
    done = subprocess.run(
        [str(PRETALX_PYTHON), "-m", "pretalx", *arguments],
        env={**environment, "PRETALX_DATA_DIR": str(data_dir)},
        cwd=data_dir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="session")
def pretalx(tmp_path_factory):
    """An empty pretalx, migrated once for the run."""
    if not PRETALX_PYTHON.exists():
        reason = f"needs pretalx 2023.1.3 at {PRETALX_PYTHON}: run `make pretalx`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (CI=true: a missing client fails the run)", pytrace=False)
        pytest.skip(reason)
    data_dir = tmp_path_factory.mktemp("pretalx")
    _pretalx(data_dir, "migrate", "--verbosity", "0")
    return data_dir


def test_pretalx_imports_every_event_of_the_demo(client, pretalx, tmp_path):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    served = client.get("/api/v1/conferences/hanoi2025/schedule.xml")
    feed = tmp_path / "schedule.xml"
    feed.write_bytes(served.content)
    root = ElementTree.fromstring(served.content)
    version = root.find("version").text
    events = root.iter("event")
    published = sorted((event.find("title").text, event.find("room").text) for event in events)

    out = _pretalx(pretalx, "import_schedule", str(feed))
    (line,) = [
        line
        for line in _pretalx(
            pretalx, "shell", "-c", f"VERSION = {version!r}\n{READ_SLOTS}"
        ).splitlines()
        if line.startswith("SLOTS")
    ]
    slots = json.loads(line.removeprefix("SLOTS"))

    assert f'schedule version "{version}"' in out
    assert sorted((title, room) for _start, room, title, _people in slots) == published
    opening = next(slot for slot in slots if slot[2] == "Opening session")
    # 09:00 in Hanoi (UTC+7), with its speakers as persons.
    assert opening[0] == "2025-10-25T02:00:00+00:00"
    assert opening[1] == "Main Hall"
    assert "António GUTERRES" in opening[3]  # the delegate of that name, as the programme links
