"""gunicorn's access log without the secrets that travel in URLs.

An invitation link, a password-reset link and a personal agenda address each carry a token that
opens an account or a delegate's programme to whoever holds it; the access log is read by more
people, and kept longer, than the tokens live. The token segment is masked in the request line,
the path and the Referer before the line is written. Used by config/gunicorn.py (`logger_class`);
imports nothing of Django, since gunicorn's master loads it.
"""

import re

from gunicorn.glogging import Logger

MASK = "[redacted]"
SECRET_SEGMENTS = [
    re.compile(r"(/portal/invitation/)[^/?#\s]+"),
    re.compile(r"(/portal/reset/)[^/?#\s]+/[^/?#\s]+"),
    re.compile(r"(/api/v1/agenda/)[^/?#\s]+?(?=\.ics|[/?#\s]|$)"),
]


def redact(text):
    """The text with the token segment of every secret URL masked."""
    if not isinstance(text, str):
        return text
    for pattern in SECRET_SEGMENTS:
        text = pattern.sub(lambda match: match.group(1) + MASK, text)
    return text


class RedactingLogger(Logger):
    """gunicorn's Logger whose access-log atoms carry no URL secret."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ("r", "U", "f", "{referer}i", "{raw_uri}e", "{path_info}e"):
            if name in atoms:
                atoms[name] = redact(atoms[name])
        return atoms
