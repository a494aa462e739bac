"""Request middleware of the project itself."""

import time

from django.conf import settings
from django.contrib.auth import logout


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
