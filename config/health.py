"""Health endpoints for load balancers and orchestrators.

`/healthz` says the process answers; `/readyz` says it can do its work: the database answers and,
when Redis is configured, so does the broker. Both are plain Django views with no session or
template work, so they stay cheap enough to poll every few seconds.
"""

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_reason():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return f"database unreachable: {exc.__class__.__name__}"
    return None


def _broker_reason():
    if not settings.REDIS_URL:
        return None
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except redis.RedisError as exc:
        return f"broker unreachable: {exc.__class__.__name__}"
    return None


@never_cache
@require_GET
def readyz(request):
    checks = {"database": _database_reason(), "broker": _broker_reason()}
    failures = {name: reason for name, reason in checks.items() if reason}
    if failures:
        return JsonResponse({"status": "unavailable", "reasons": failures}, status=503)
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "broker": "ok" if settings.REDIS_URL else "not configured (tasks run eagerly)",
        }
    )
