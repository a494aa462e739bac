"""How config/settings.py reads the environment: one `environ.Env()`, and a parser per kind of
value, each refusing a value that is set but wrong with an `ImproperlyConfigured` that names the
variable (so a typo in production never silently becomes a default)."""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import environ
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# While `make run` serves, any other command of this checkout (`manage.py invite` in a second
# shell) links to its port and shows its e-mails in its output: scripts/run.sh writes this file
# and removes it when it stops. Variables already set win; tests never read it.
_MAKE_RUN_ENV = BASE_DIR / "var" / "make-run.env"
if _MAKE_RUN_ENV.exists() and "PYTEST_VERSION" not in os.environ:
    environ.Env.read_env(_MAKE_RUN_ENV)


def read(name, parse, default):
    """Read one variable; re-raise any parsing failure with the variable's name in it."""
    raw = env.str(name, default=None)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except (ValueError, ImproperlyConfigured, KeyError) as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value {raw!r}: {exc}") from exc


def strict_bool(raw):
    # django-environ reads any unknown word as False; "ture" must not switch DEBUG off quietly.
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


def url(allowed_schemes):
    def parse(raw):
        parts = urlsplit(raw)
        if parts.scheme not in allowed_schemes:
            raise ValueError(f"scheme must be one of {', '.join(sorted(allowed_schemes))}")
        return raw.rstrip("/")

    return parse


def database(raw):
    scheme = urlsplit(raw).scheme
    if scheme not in environ.Env.DB_SCHEMES:
        raise ValueError("unknown database scheme; use postgres:// or sqlite:///")
    return environ.Env.db_url_config(raw)


def hosts(raw):
    hosts = [host.strip() for host in raw.split(",") if host.strip()]
    if not hosts:
        raise ValueError("expected a comma-separated list of host names")
    return hosts


def email(raw):
    return environ.Env.email_url_config(raw)


def addresses(raw):
    return [str(ipaddress.ip_address(entry.strip())) for entry in raw.split(",") if entry.strip()]


def fernet_keys(raw):
    keys = [key.strip().encode() for key in raw.split(",") if key.strip()]
    for key in keys:
        Fernet(key)  # a malformed key stops the start here, not at the first passport
    if not keys:
        raise ValueError("expected comma-separated Fernet keys")
    return keys
