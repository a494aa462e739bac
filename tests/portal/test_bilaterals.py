"""Bilateral meetings in the portal: a focal point sees, asks, answers and cancels for their own
delegation only."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sessions import services
from sessions.models import BilateralMeeting
from tests.factories import DelegationFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db

PAGE = reverse("portal:bilaterals")


@pytest.fixture
def france(client, invite):
    return signed_in_focal_point(client, invite, country="FR", language="en")


def other(delegation, code, **fields):
    """Another delegation of the conference that accepted its invitation (only those receive
    requests), unless `fields` say otherwise."""
    fields = {"accepted": True} | fields
    return DelegationFactory(conference=delegation.conference, country=code, **fields)


def ask(requester, counterpart, level="ministerial"):
    return services.request_bilateral(
        requester,
        counterpart=counterpart,
        preferred_day=requester.conference.start_date,
        level=level,
    )


def test_the_page_lists_the_requests_sent_and_received(client, france):
    viet_nam, japan, chile = other(france, "VN"), other(france, "JP"), other(france, "CL")
    ask(france, viet_nam)
    ask(japan, france, level="summit")
    ask(japan, chile)  # neither sent nor received by France

    response = client.get(PAGE)

    assert response.status_code == 200
    sent, received = response.context["sent"], response.context["received"]
    assert [m.counterpart for m in sent] == [viet_nam]
    assert [m.requester for m in received] == [japan]
    page = response.content.decode()
    assert "Heads of State or Government, preferably on" in page
    assert "Chile" not in page.split('id="id_counterpart"')[0]


def test_a_request_is_sent_from_the_portal(client, france, django_capture_on_commit_callbacks):
    viet_nam = other(france, "VN", language="vi")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal:bilateral-request"),
            {
                "counterpart": viet_nam.pk,
                "preferred_day": "2025-10-26",
                "level": "senior_officials",
                "topics": "Electronic evidence",
            },
        )

    assert response.status_code == 302
    meeting = BilateralMeeting.objects.get()
    assert (meeting.requester, meeting.counterpart, str(meeting.preferred_day)) == (
        france,
        viet_nam,
        "2025-10-26",
    )
    assert meeting.requested_by == france.focal_point_email
    assert [m.to for m in mail.outbox][-1] == [viet_nam.focal_point_email]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"preferred_day": "2025-10-27"}, "Select a valid choice."),
        ({"level": "emperors"}, "Select a valid choice."),
        ({"counterpart": "self"}, "Select a valid choice."),
        ({"counterpart": "elsewhere"}, "Select a valid choice."),
        ({}, "A meeting between these two delegations is already requested."),
    ],
)
def test_a_bad_request_is_shown_as_a_form_error_and_nothing_is_saved(client, france, data, error):
    viet_nam = other(france, "VN")
    ask(viet_nam, france)
    elsewhere = DelegationFactory(country="DE")
    choices = {"self": france.pk, "elsewhere": elsewhere.pk}
    post = {
        "counterpart": viet_nam.pk,
        "preferred_day": "2025-10-25",
        "level": "ministerial",
        **data,
    }
    post["counterpart"] = choices.get(post["counterpart"], post["counterpart"])

    response = client.post(reverse("portal:bilateral-request"), post)

    assert response.status_code == 200
    form = response.context["form"]
    assert error in str(form.errors)
    assert BilateralMeeting.objects.count() == 1


def test_a_received_request_is_accepted_or_declined_by_post_only(
    client, france, django_capture_on_commit_callbacks
):
    viet_nam, japan = other(france, "VN"), other(france, "JP")
    first, second = ask(viet_nam, france), ask(japan, france)
    accept = reverse("portal:bilateral-accept", args=[first.pk])

    assert client.get(accept).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        client.post(accept)
        client.post(reverse("portal:bilateral-decline", args=[second.pk]))
    response = client.post(accept, follow=True)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("accepted", "declined")
    assert [str(m) for m in response.context["messages"]] == [
        "The meeting is accepted.",
        "The request is declined.",
        "This request has already been answered or withdrawn.",
    ]
    assert {tuple(m.to) for m in mail.outbox[-2:]} == {
        (viet_nam.focal_point_email,),
        (japan.focal_point_email,),
    }


def test_my_request_is_withdrawn_and_an_accepted_meeting_cancelled(client, france):
    viet_nam, japan = other(france, "VN"), other(france, "JP")
    mine = ask(france, viet_nam)
    theirs = services.accept_bilateral(ask(japan, france), delegation=france)

    client.post(reverse("portal:bilateral-cancel", args=[mine.pk]))
    client.post(reverse("portal:bilateral-cancel", args=[theirs.pk]))

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.state, mine.cancelled_by) == ("cancelled", france)
    assert (theirs.state, theirs.cancelled_by) == ("cancelled", france)


def test_a_received_request_is_declined_not_cancelled(client, france):
    received = ask(other(france, "VN"), france)

    response = client.post(reverse("portal:bilateral-cancel", args=[received.pk]), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Decline the request instead of cancelling it."
    ]
    received.refresh_from_db()
    assert received.state == "requested"


@pytest.mark.parametrize("action", ["bilateral-accept", "bilateral-decline", "bilateral-cancel"])
def test_another_delegations_meeting_is_not_found(client, france, action):
    viet_nam, japan = other(france, "VN"), other(france, "JP")
    elsewhere = DelegationFactory(country="DE")
    meetings = [
        ask(viet_nam, japan),  # same conference, between two others
        ask(elsewhere, other(elsewhere, "BR")),
    ]

    for meeting in meetings:
        response = client.post(reverse(f"portal:{action}", args=[meeting.pk]))
        assert response.status_code == 404

    assert sorted(m.state for m in BilateralMeeting.objects.all()) == ["requested", "requested"]


def test_my_own_request_cannot_be_accepted_by_me(client, france):
    mine = ask(france, other(france, "VN"))

    response = client.post(reverse("portal:bilateral-accept", args=[mine.pk]))

    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.state == "requested"


def test_the_page_needs_a_signed_in_focal_point(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert "sign-in" in response.url or "login" in response.url


def test_the_page_takes_as_many_queries_for_many_meetings_as_for_one(client, france):
    codes = iter(["VN", "JP", "CL", "DE", "BR", "AU", "GB", "PT"])

    def queries_with(count):
        for _ in range(count):
            ask(france, other(france, next(codes)))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    assert queries_with(1) == queries_with(5)


def test_only_delegations_that_can_receive_a_request_are_offered_and_accepted(client, france):
    """Not one that never accepted its invitation, withdrew, is the media, or is ours."""
    japan = other(france, "JP")
    never_answered = other(france, "DE", accepted=False)
    withdrawn = other(france, "BR", status="withdrawn")
    media = DelegationFactory(
        conference=france.conference, kind="media", country="", name="Wire", accepted=True
    )

    offered = client.get(PAGE).context["form"].fields["counterpart"].queryset

    assert list(offered) == [japan]
    for delegation in (never_answered, withdrawn, media, france):
        response = client.post(
            reverse("portal:bilateral-request"),
            {
                "counterpart": delegation.pk,
                "preferred_day": france.conference.start_date.isoformat(),
                "level": "ministerial",
                "topics": "Cooperation",
            },
        )
        assert response.status_code == 200
        assert "counterpart" in response.context["form"].errors
    assert BilateralMeeting.objects.count() == 0
