"""A focal point sees and changes their own delegation only: every portal address is walked with
another delegation's ids, and answers 404 (never 403, which would confirm the object exists)."""

import pytest
from django.urls import URLPattern, reverse

from delegations.models import ListEntry
from delegations.services import answer_invitation, save_travel
from portal.urls import urlpatterns
from sessions.models import GalaAnswer, Place, SideEventSlot
from sessions.services import (
    answer_gala_dinner,
    propose_side_event,
    request_bilateral,
    reserve_place,
)
from tests.factories import DelegationFactory, SessionFactory
from tests.portal.support import delegate_data, pdf, photo, signed_in_focal_point

pytestmark = pytest.mark.django_db

# Addresses outside the delegation's data (sign-in, the invitation link, password reset...).
PUBLIC = {
    "home",
    "invitation",
    "account-create",
    "sign-in",
    "sign-out",
    "password-reset",
    "password-reset-sent",
    "password-reset-confirm",
    "password-reset-complete",
    "choose-delegation",
}


@pytest.fixture
def victim(client, invite):
    """Another delegation of the same conference, with one of everything, registered through
    its own focal point's portal."""
    other = client.__class__()
    delegation = signed_in_focal_point(other, invite, country="DE", language="en")
    other.post(
        "/portal/delegates/new/",
        delegate_data(family_name="SECRETNAME", passport_number="DE999999")
        | {"photo_upload": photo()},
    )
    other.post("/portal/documents/", {"document": pdf()})
    delegate = delegation.delegates.get()
    save_travel(delegate, hotel="Secret Hotel")
    roundtable = SessionFactory(conference=delegation.conference, state="published", capacity=5)
    dinner = SessionFactory(
        conference=delegation.conference, state="published", kind="gala_dinner", capacity=None
    )
    place = reserve_place(roundtable, delegate=delegate)
    answer_gala_dinner(dinner, delegate=delegate, attending=True)
    meeting = request_bilateral(
        delegation,
        counterpart=DelegationFactory(
            conference=delegation.conference, country="JP", accepted=True
        ),
        preferred_day=delegation.conference.start_date,
        level="ministerial",
    )
    delegation.refresh_from_db()  # confirmed by its focal point's answer
    slot = SideEventSlot.objects.create(
        conference=delegation.conference, starts_at=roundtable.starts_at
    )
    application = propose_side_event(
        delegation,
        slot=slot,
        title="SECRETNAME event",
        organisers="Them",
        languages=["en"],
        expected_audience=20,
    )
    return {
        "application": application,
        "meeting": meeting,
        "delegation": delegation,
        "delegate": delegate,
        "place": place,
        "roundtable": roundtable,
        "dinner": dinner,
    }


def _portal_patterns():
    return [p for p in urlpatterns if isinstance(p, URLPattern) and p.name not in PUBLIC]


def _kwargs(pattern, victim):
    ids = {
        "delegate_id": victim["delegate"].pk,
        "place_id": victim["place"].pk,
        "meeting_id": victim["meeting"].pk,
        "application_id": victim["application"].pk,
        "session_id": victim["roundtable"].pk
        if "gala" not in pattern.name
        else victim["dinner"].pk,
    }
    return {name: ids[name] for name in pattern.pattern.converters}


def test_every_portal_address_hides_another_delegations_objects(client, invite, victim):
    attacker = signed_in_focal_point(client, invite, country="FR")
    owned = {"delegate_id", "place_id", "meeting_id", "application_id"}
    walked = []

    for pattern in _portal_patterns():
        kwargs = _kwargs(pattern, victim)
        url = reverse(f"portal:{pattern.name}", kwargs=kwargs)
        body = {
            "delegate": victim["delegate"].pk,
            "attending": "no",
            "hotel": "Mine",
            "name": "Forged",
        }
        get, post = client.get(url), client.post(url, body)
        walked.append(pattern.name)
        for response in (get, post):
            assert response.status_code != 403, url
            text = response.content.decode() if not response.streaming else ""
            assert "SECRETNAME" not in text, url
            assert "Secret Hotel" not in text, url
        if owned & kwargs.keys():
            assert get.status_code in (404, 405), (url, get.status_code)
            assert post.status_code == 404, (url, post.status_code)

    assert {"delegate-edit", "delegate-photo", "delegate-agenda", "place-release"} <= set(walked)
    assert {"travel-edit", "delegate-remove", "gala-answer", "place-reserve"} <= set(walked)
    assert {"bilateral-accept", "bilateral-decline", "bilateral-cancel"} <= set(walked)
    assert {"participant-edit", "side-event-withdraw"} <= set(walked)
    # Nothing of the other delegation changed, and nothing was made in its name.
    victim["delegate"].refresh_from_db()
    assert victim["delegate"].family_name == "SECRETNAME"
    assert victim["delegate"].travel.hotel == "Secret Hotel"
    assert not ListEntry.objects.filter(delegate=victim["delegate"]).exists()
    victim["application"].refresh_from_db()
    assert victim["application"].state == "submitted"
    assert Place.objects.get(pk=victim["place"].pk).state == "confirmed"
    assert GalaAnswer.objects.get(delegate=victim["delegate"]).attending is True
    assert not Place.objects.filter(delegate__delegation=attacker).exists()
    assert Place.objects.filter(delegate=victim["delegate"]).count() == 1


def test_the_other_delegations_credentials_are_never_served(client, invite, victim):
    signed_in_focal_point(client, invite, country="FR")

    response = client.get(reverse("portal:credentials"))

    assert response.status_code == 404  # my delegation has none; theirs is not reachable


def test_an_account_of_two_delegations_switches_between_them_only(client, invite, victim):
    delegation = signed_in_focal_point(client, invite, country="FR")
    user = client.get("/portal/dashboard/").wsgi_request.user
    second = victim["delegation"].conference.delegations.create(
        kind="member_state", country="IT", focal_point_name="X", focal_point_email=user.email
    )
    invitation, token = invite(second)
    answer_invitation(token, accept=True)
    invitation.refresh_from_db()
    invitation.delegation.portal_accounts.create(user=user, invitation=invitation)

    choose = client.get("/portal/dashboard/")
    forged = client.post("/portal/delegation/", {"delegation": victim["delegation"].pk})
    chosen = client.post("/portal/delegation/", {"delegation": second.pk}, follow=True)

    assert choose["Location"] == "/portal/delegation/"
    assert forged.status_code == 200  # not among the account's delegations: asked again
    assert "Italy" in chosen.content.decode()
    assert delegation.pk != second.pk
