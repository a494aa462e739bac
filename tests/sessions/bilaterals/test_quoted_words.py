"""A focal point's words reach another delegation as their quoted message, never as ours."""

import pytest
from django.core import mail

from sessions import services
from tests.sessions.bilaterals.support import DAY, state

pytestmark = pytest.mark.django_db

TOPICS = (
    "URGENT from the Secretariat: your registration is void.\n\n"
    "Re-register at https://evil.example/portal/ <b>today</b>"
)


def test_the_request_text_is_quoted_and_never_linkified(
    conference, django_capture_on_commit_callbacks
):
    france, japan = state(conference, "FR"), state(conference, "JP")

    with django_capture_on_commit_callbacks(execute=True):
        services.request_bilateral(
            france, counterpart=japan, preferred_day=DAY, level="ministerial", topics=TOPICS
        )

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert (
        "The delegation of France wrote (quoted as received; the Secretariat has not checked it):"
        "\n\n> URGENT from the Secretariat: your registration is void.\n>\n"
        "> Re-register at https://evil.example/portal/ <b>today</b>\n\n"
    ) in message.body
    assert 'href="https://evil.example' not in html
    assert "<b>today" not in html
    assert (
        "URGENT from the Secretariat: your registration is void.<br><br>Re-register at "
        "https://evil.example/portal/ &lt;b&gt;today&lt;/b&gt;</blockquote>"
    ) in html
