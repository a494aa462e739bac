"""The security log: one structured line per sign-in, failure, sign-out, refusal or reveal.

Lines go to the `security` logger as JSON with a fixed set of keys (event, actor, address, time,
plus details), so that a SIEM or a plain `grep` can follow one account or one address across
hosts. Other modules record their own events with `record_security_event`.
"""

import json
import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from conference.client_address import client_address

logger = logging.getLogger("security")


def record_security_event(event, *, request=None, actor=None, **details):
    user = getattr(request, "user", None)
    if actor is None and user is not None and user.is_authenticated:
        actor = user.get_username()
    line = {
        "event": event,
        "actor": actor,
        "address": client_address(request),
        "time": timezone.now().isoformat(),
        **details,
    }
    if request is not None:
        line.setdefault("path", request.path)
    logger.info("%s", json.dumps(line, default=str, sort_keys=True))


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record_security_event("sign_in", request=request, actor=user.get_username())


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    actor = user.get_username() if user is not None else None
    record_security_event("sign_out", request=request, actor=actor)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # The username tried is recorded (never the password): it is how guessing is seen.
    tried = credentials.get("username") or credentials.get("email")
    record_security_event("sign_in_failed", request=request, actor=tried)


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, **kwargs):
    # Sent at the failure that locks, and again at every attempt while the lock holds.
    record_security_event("locked_out", request=request, actor=username)
