"""The access log holds no invitation, password-reset or agenda token."""

import datetime as dt
import runpy
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config

from config.access_log import RedactingLogger

GUNICORN = runpy.run_path(str(Path(__file__).parents[2] / "config" / "gunicorn.py"))
ACCESS_LOG_FORMAT = GUNICORN["access_log_format"]

INVITATION = "Zq3xT9_secret-invitation-token"
RESET = ("MTI", "cz7k1a-5f3b2e8d9c0a1b2c3d4e")
AGENDA = "aG3nDa_personal-token"


def _access_line(path, referer="-"):
    # The line gunicorn writes: our format (config/gunicorn.py) filled from the logger's atoms.
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.5",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", referer)])
    atoms = logger.atoms(response, request, environ, dt.timedelta(milliseconds=5))
    return ACCESS_LOG_FORMAT % logger.atoms_wrapper_class(atoms) + " " + atoms["f"]


def test_gunicorn_is_configured_with_the_redacting_logger():
    assert GUNICORN["logger_class"] == "config.access_log.RedactingLogger"


def test_the_access_log_masks_invitation_reset_and_agenda_tokens():
    lines = [
        _access_line(f"/portal/invitation/{INVITATION}/"),
        _access_line(f"/portal/reset/{RESET[0]}/{RESET[1]}/"),
        _access_line(
            f"/api/v1/agenda/{AGENDA}.ics",
            referer=f"https://conf.example/portal/invitation/{INVITATION}/",
        ),
        _access_line("/api/v1/conferences/hanoi2025/schedule.ics"),
    ]

    for secret in (INVITATION, RESET[1], AGENDA):
        assert all(secret not in line for line in lines)
    assert "GET /portal/invitation/[redacted]/ HTTP/1.1" in lines[0]
    assert "GET /portal/reset/[redacted]/ HTTP/1.1" in lines[1]
    assert "GET /api/v1/agenda/[redacted].ics HTTP/1.1" in lines[2]
    assert "GET /api/v1/conferences/hanoi2025/schedule.ics HTTP/1.1" in lines[3]
