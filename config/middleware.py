"""Request middleware of the project itself."""

import logging
import sys
import time

from django.conf import settings
from django.contrib.auth import logout
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from conference.local_time import conference_time
from conference.security_log import record_security_event
from config.api_errors import error_response
from config.console_time import console_conference

logger = logging.getLogger(__name__)


class StaffIdleTimeoutMiddleware:
    """Sign organisers out after `STAFF_IDLE_TIMEOUT_SECONDS` without a request.

    The absolute limit (8 hours) is the session cookie's age; this adds the idle limit for staff,
    whose accounts can reveal passport data and accredit heads of State's delegations. Focal points
    keep the absolute limit only, since they fill long forms.
    """

    SESSION_KEY = "_last_activity"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; asking would load the session and make
        # every public answer (the schedule feeds) vary on Cookie, which defeats shared caches.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            last = request.session.get(self.SESSION_KEY, now)
            if now - last > settings.STAFF_IDLE_TIMEOUT_SECONDS:
                logout(request)
            else:
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)


class SecurityLogMiddleware:
    """Record every refusal (403) in the security log, whoever refused: a console view, the
    portal's access check, the CSRF check or the API's permissions. One place sees them all, so
    no view has to remember to log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            record_security_event("permission_denied", request=request, method=request.method)
        return response


class RequestSizeLimitMiddleware:
    """Refuse with 413 a request whose body is announced above `MAX_REQUEST_BYTES`.

    Django reads a body only when something touches `request.POST` or `request.body` (the CSRF
    check in `process_view`, or the view), all of which runs after this, so an oversized upload
    is refused before it is read or spooled to disk. A body without a Content-Length is read by
    Django as empty, so it cannot go around the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MAX_REQUEST_BYTES
        if length <= limit:
            return self.get_response(request)
        record_security_event("request_too_large", request=request, length=length)
        megabytes = limit // (1024 * 1024)
        message = _("The request is larger than %(size)s MB.") % {"size": megabytes}
        if request.path.startswith("/api/"):
            return error_response(
                "request_too_large", message, status=413, details={"limit_bytes": limit}
            )
        return render(request, "request_too_large.html", {"message": message}, status=413)


# What a lost or refused database connection raises: a failover, a restart, a cut connection.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Answer 503 with a reason, not 500, when the database connection fails under a view.

    The transaction in progress died with its connection, so none of it is written; Django drops
    the broken connection at the end of the request and the next one opens a fresh connection
    (CONN_HEALTH_CHECKS also replaces one cut while idle), so trying again a moment later works.
    A failure in a middleware, before the view (loading the session), is answered the same way by
    `server_error`, the project's handler500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


def database_unavailable(request, exception):
    logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
    message = _("The service is briefly unavailable. Try again in a moment.")
    if request.path.startswith("/api/"):
        response = error_response(
            "database_unavailable",
            message,
            status=503,
            details={"retry_after_seconds": RETRY_AFTER_SECONDS},
        )
    else:
        response = render(request, "service_unavailable.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500: Django calls it while handling the exception, so the exception is at hand."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exception)
    return defaults.server_error(request)


class ConsoleConferenceTimeMiddleware:
    """Show and read every date and time of the console in the conference's timezone.

    The conference is the one the object on the page is made for or belongs to (a session's, a
    bilateral's, a badge's: found through its foreign keys), else the one a list is filtered by,
    else the next one to end (config/console_time.py). Django's forms then read "18:00" as 18:00
    in Hanoi, and lists and read-only fields show Hanoi time; the widgets say so ("Hanoi time,
    UTC+7").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return self.get_response(request)
        with conference_time(console_conference(request)):
            return self.get_response(request)
