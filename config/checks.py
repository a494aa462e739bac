"""Checks that `check --deploy` runs: a production start refuses a half-configured system.

(`make run` says once, at start, when tasks run eagerly; Django's own security.W009 already
catches the development SECRET_KEY.)"""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def celery_runs_eagerly(app_configs, **kwargs):
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set: Celery tasks run eagerly inside the web process.",
            hint="Set REDIS_URL (for example redis://127.0.0.1:6379/0) and run workers and beat.",
            id="project.W001",
        )
    ]
