"""The portal in the conference's time and the delegation's language: the invitation's link,
the account page and the dashboard say the deadline in Hanoi time, labelled, in French for a
French-speaking delegation."""

import datetime as dt

import pytest
from django.urls import reverse

from delegations.models import Travel
from tests.factories import HANOI, DelegateFactory, DelegationFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db


def test_the_invitation_page_is_in_the_delegations_language_and_the_conferences_time(
    client, invite
):
    delegation = DelegationFactory(language="fr")
    invitation, token = invite(delegation)
    deadline = invitation.expires_at.astimezone(HANOI)

    page = client.get(reverse("portal:invitation", args=[token])).content.decode()

    assert '<html lang="fr" dir="ltr">' in page
    assert "Accepter l" in page
    assert f"{deadline:%H:%M} (heure de Hanoi, UTC+7)" in page


def test_the_invitation_page_writes_the_city_and_venue_in_the_delegations_script(client, invite):
    delegation = DelegationFactory(language="ar")
    delegation.conference.translations = {"ar": {"city": "هانوي"}}
    delegation.conference.save()
    venue = delegation.conference.venue
    venue.name = "National Convention Center"
    venue.translations = {"ar": {"name": "المركز الوطني للمؤتمرات"}}
    venue.save()
    _invitation, token = invite(delegation)

    page = client.get(reverse("portal:invitation", args=[token])).content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert "توقيت هانوي، UTC+7" in page
    assert "<dd>المركز الوطني للمؤتمرات، هانوي</dd>" in page  # where it is held
    assert "Hanoi" not in page
    assert "National Convention Center" not in page


def test_the_account_page_is_in_the_delegations_language(client, invite):
    delegation = DelegationFactory(language="vi")
    _invitation, token = invite(delegation)

    client.post(reverse("portal:invitation", args=[token]), {"answer": "accept"})
    page = client.get(reverse("portal:account-create")).content.decode()

    assert '<html lang="vi" dir="ltr">' in page
    assert "Thời gian theo giờ Hanoi, UTC+7" in page


def test_the_dashboard_gives_the_deadline_in_hanoi_time_labelled(client, invite):
    signed_in_focal_point(client, invite, language="fr")

    page = client.get(reverse("portal:dashboard")).content.decode()

    # The factories' registration deadline: 14 October 2025, 17:00 in Hanoi (10:00 UTC).
    assert "14 octobre 2025 17:00 (heure de Hanoi, UTC+7)" in page
    assert "Horaires : heure de Hanoi, UTC+7" in page


@pytest.mark.parametrize(
    ("language", "shown"), [("fr", "24/10/2025 18:30"), ("vi", "18:30 24-10-2025")]
)
def test_the_travel_list_gives_dates_in_the_readers_locale(client, invite, language, shown):
    delegation = signed_in_focal_point(client, invite, language=language)
    delegate = DelegateFactory(delegation=delegation, conference=delegation.conference)
    Travel.objects.create(
        delegate=delegate, arrives_at=dt.datetime(2025, 10, 24, 18, 30, tzinfo=HANOI)
    )

    page = client.get(reverse("portal:travel")).content.decode()

    assert shown in page
    assert "10/24/2025" not in page
