"""A throttle per user name on signing in, beside django-axes' lock per user name and address.

django-axes locks a user name *from one address* after 5 failures for 15 minutes
(AXES_LOCKOUT_PARAMETERS): a stranger elsewhere cannot lock an organiser out, but a guesser
with many addresses gets 5 tries from each. This throttle counts the failures for one user
name from everywhere. Past `FREE_FAILURES` in `WINDOW`, it does not lock: it spaces the
password checks for that name, each wait twice the last (`FIRST_WAIT` up to `LONGEST_WAIT`), so
a botnet gets a few dozen guesses an hour instead of thousands. An attempt made during the wait
is answered "wait N seconds" without the password being checked, and is not counted.

So that the throttle cannot be turned against the account's owner, an address from which
this user name has signed in before (django-axes' record of successful sign-ins) is never
delayed: an organiser at the office or the venue signs in while their name is under attack
elsewhere. Nobody is ever locked out by it, and the wait holds for any user name typed,
existing or not, so it tells nobody which accounts exist.

The counts live in the cache (Redis in production, shared by every web process).
"""

import hashlib
import time

from axes.models import AccessLog
from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from conference.client_address import client_address

FREE_FAILURES = 10
WINDOW = 15 * 60
FIRST_WAIT = 2
LONGEST_WAIT = 60
# Set on the request when the throttle answered instead of the password check.
WAIT_ATTRIBUTE = "sign_in_wait_seconds"


def _key(username: str, part: str) -> str:
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return f"sign-in-throttle:{part}:{digest}"


def seconds_to_wait(username: str, *, now: float | None = None) -> int:
    """How long the next password check for `username` must wait (0: not at all)."""
    failures = cache.get(_key(username, "failures"), 0)
    if failures < FREE_FAILURES:
        return 0
    wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (failures - FREE_FAILURES))
    last = cache.get(_key(username, "last"), 0)
    remaining = last + wait - (now if now is not None else time.time())
    return max(0, int(remaining + 0.999))


def record_failure(username: str) -> None:
    failures = _key(username, "failures")
    cache.add(failures, 0, WINDOW)
    try:
        cache.incr(failures)
    except ValueError:  # expired between add and incr
        cache.set(failures, 1, WINDOW)
    cache.touch(failures, WINDOW)
    cache.set(_key(username, "last"), time.time(), WINDOW)


def _known_address(username: str, request) -> bool:
    address = client_address(request)
    return bool(address) and (
        AccessLog.objects.filter(username__iexact=username.strip(), ip_address=address).exists()
    )


class UsernameThrottleBackend:
    """Listed after django-axes' backend and before the one that checks passwords: while the
    user name must wait, the attempt stops here (Django then reports a failed sign-in).

    Deliberately not a `BaseBackend`: it has no `get_user`, so Django never takes it for the
    backend of a session (the test client's `force_login` picks the first that has one)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        wait = seconds_to_wait(username)
        if wait and not _known_address(username, request):
            setattr(request, WAIT_ATTRIBUTE, wait)
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    if username and not getattr(request, WAIT_ATTRIBUTE, None):
        record_failure(username)


class ThrottledSignInForm:
    """For Django's AuthenticationForm and its kin: says how long to wait, when that is the
    reason, rather than that the password is wrong."""

    def get_invalid_login_error(self):
        wait = getattr(self.request, WAIT_ATTRIBUTE, None)
        if wait:
            return forms.ValidationError(
                _(
                    "Too many failed sign-ins for this user name. For its protection, wait "
                    "%(seconds)d seconds and try again."
                ),
                code="throttled",
                params={"seconds": wait},
            )
        return super().get_invalid_login_error()
