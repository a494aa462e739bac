"""The environment of "production as configured" that every benchmark's servers and job
processes run with: gunicorn's settings (config/gunicorn.py), DEBUG off, Redis for the cache,
sessions and broker, real keys, the manifest of collected static files. One place, so that the
benchmarks measure the same deployment."""

import os
import secrets


def production_environment(
    database_url,
    redis_url,
    *,
    media,
    static,
    replica_url=None,
    smtp_port=None,
    web_concurrency=None,
):
    """os.environ with production's settings over it. `replica_url`: a streaming replica of
    `database_url` (DATABASE_REPLICA_URL); `smtp_port`: an SMTP server on loopback, else the
    messages are printed; `web_concurrency`: gunicorn workers, else config/gunicorn.py's choice."""
    from cryptography.fernet import Fernet

    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://conference.example.org",
        "SECURE_SSL_REDIRECT": "false",  # the TLS proxy would redirect; loopback has none
        "PASSPORT_KEYS": Fernet.generate_key().decode(),
        "PASSPORT_FINGERPRINT_KEY": secrets.token_hex(32),
        "DATABASE_URL": database_url,
        "DATABASE_REPLICA_URL": replica_url or "",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(static),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
        "HOST": "127.0.0.1",
    }
    if smtp_port:
        environment["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
    if web_concurrency:
        environment["WEB_CONCURRENCY"] = str(web_concurrency)
    return environment
