"""Fixtures of the delegations' and the portal's tests, imported by their conftest.py: both live
a few weeks before the factories' conference and invite as the protocol officer would."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from delegations.services import invite_delegations


@pytest.fixture(autouse=True)
def before_the_deadlines():
    """The factories' conference is in October 2025: the tests live a few weeks before it."""
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


LINK = re.compile(r"http://[^\s]+/portal/invitation/([A-Za-z0-9_-]+)/")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Invite one delegation as the protocol officer would, and return the token of the link in
    the e-mail the focal point received."""

    def _invite(delegation):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            (invitation,) = invite_delegations(delegation.conference, delegations=[delegation])
        (message,) = mail.outbox[before:]
        return invitation, LINK.search(message.body).group(1)

    return _invite
