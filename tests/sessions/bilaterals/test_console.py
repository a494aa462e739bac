"""Bilateral meetings: the console."""

import pytest
from django.urls import reverse

from sessions import services
from tests.sessions.bilaterals.support import BEFORE, DAY, accepted, at, bilateral_room, busy, state

pytestmark = pytest.mark.django_db


def test_the_console_answers_schedules_and_reports_errors_as_messages(
    admin_client, conference, time_machine
):
    time_machine.move_to(BEFORE)
    bilateral_room(conference)
    france, viet_nam, japan = (state(conference, code) for code in ("FR", "VN", "JP"))
    asked = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    declined = services.request_bilateral(
        japan, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    services.decline_bilateral(declined)
    changelist = reverse("admin:programme_bilateralmeeting_changelist")

    response = admin_client.post(
        changelist,
        {"action": "accept_selected", "_selected_action": [asked.pk, declined.pk]},
        follow=True,
    )

    texts = [str(m) for m in response.context["messages"]]
    assert f"{declined}: This request has already been answered or withdrawn." in texts
    assert "1 meeting accepted." in texts
    asked.refresh_from_db()
    assert asked.state == "accepted"

    response = admin_client.post(
        changelist, {"action": "schedule_accepted", "_selected_action": [asked.pk]}, follow=True
    )

    assert f"{conference}: 1 meeting placed; both sides are told." in [
        str(m) for m in response.context["messages"]
    ]
    asked.refresh_from_db()
    assert (asked.state, asked.starts_at) == ("scheduled", at(8))


def test_the_console_refuses_a_move_onto_a_busy_head_as_a_form_error(admin_client, conference):
    room = bilateral_room(conference)
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    busy(france, at(9), at(10), "plenary")
    meeting = accepted(france, viet_nam)
    url = reverse("admin:programme_bilateralmeeting_change", args=[meeting.pk])

    response = admin_client.post(
        url,
        {
            "room": room.pk,
            "starts_at_0": "2025-10-25",
            "starts_at_1": "09:00",  # the console reads times in the conference's (Hanoi) time
            "ends_at_0": "2025-10-25",
            "ends_at_1": "09:30",
        },
    )

    assert response.status_code == 200
    assert "The head of delegation of France is busy at that time" in str(
        response.context["adminform"].form.non_field_errors()
    )
    meeting.refresh_from_db()
    assert (meeting.state, meeting.room) == ("accepted", None)
