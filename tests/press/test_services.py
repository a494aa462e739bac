"""Media accreditation: a journalist applies, the press office accredits within the outlet's
quota or refuses, and the pools of restricted events take journalists by name."""

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from delegations.errors import (
    InvalidDocument,
    JournalistNotAccredited,
    MediaAccountExists,
    MediaApplicationsClosed,
    OutletQuotaReached,
)
from delegations.models import Badge, MediaApplication, MediaOutlet
from delegations.services import (
    accredit_journalist,
    refuse_journalist,
    reissue_media_badge,
    revoke_badge,
)
from sessions.errors import PoolFull, PoolNotOpen
from sessions.models import MediaPool
from sessions.services import assign_pool_place
from tests.factories import ConferenceFactory, SessionFactory
from tests.press.support import apply

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    return ConferenceFactory(badge_zones={"media": ["press", "plenary"], "delegate": ["plenary"]})


def test_a_journalist_applies_and_receives_an_acknowledgement(
    conference, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = apply(conference, outlet="  viet nam news ")
        apply(conference, email="second@outlet.example", outlet="Viet Nam News")

    assert application.state == "submitted"
    assert application.user.check_password("Press-Hanoi-2025!")
    assert not application.user.is_staff
    assert MediaOutlet.objects.get().name == "viet nam news"  # one outlet, whatever the case
    assert mail.outbox[0].subject == f"Media accreditation received: {conference.name}"
    assert mail.outbox[0].to == ["reporter@outlet.example"]


def test_a_bad_press_card_is_refused_and_leaves_nothing(conference):
    with pytest.raises(InvalidDocument):
        apply(conference, press_card=SimpleUploadedFile("card.pdf", b"not a pdf"))

    assert not MediaApplication.objects.exists()
    assert not MediaOutlet.objects.exists()
    assert (
        not MediaApplication.objects.model._meta.get_field("user")
        .related_model.objects.filter(username="reporter@outlet.example")
        .exists()
    )


def test_an_address_with_an_account_cannot_apply_again(conference):
    apply(conference)

    with pytest.raises(MediaAccountExists):
        apply(conference, email="REPORTER@outlet.example")

    assert MediaApplication.objects.count() == 1


def test_applications_close_with_the_registration(conference):
    with (
        time_machine.travel(conference.registration_deadline, tick=False),
        pytest.raises(MediaApplicationsClosed),
    ):
        apply(conference)


def test_accreditation_gives_a_yellow_media_badge_within_the_outlets_quota(
    conference, django_capture_on_commit_callbacks
):
    first = apply(conference, email="a@outlet.example")
    second = apply(conference, email="b@outlet.example")
    MediaOutlet.objects.update(quota=1)

    with django_capture_on_commit_callbacks(execute=True):
        accredit_journalist(first)
    with pytest.raises(OutletQuotaReached):
        accredit_journalist(second)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.badge_number, first.zones) == (
        "accredited",
        "P-0001",
        ["press", "plenary"],
    )
    assert second.state == "submitted"
    assert mail.outbox[-1].subject == f"Media accreditation granted: {conference.name}"
    assert "P-0001" in mail.outbox[-1].body


def test_a_lost_press_card_is_replaced_under_a_number_never_given_before(conference):
    first = accredit_journalist(apply(conference, email="a@outlet.example"))

    new_badge = reissue_media_badge(first, reason="Card lost at the press centre")
    second = accredit_journalist(apply(conference, email="b@outlet.example"))

    first.refresh_from_db()
    old_badge = Badge.objects.get(number="P-0001")
    assert (old_badge.state, old_badge.revocation_reason) == (
        "revoked",
        "Card lost at the press centre",
    )
    assert (new_badge.number, new_badge.state, new_badge.colour) == ("P-0002", "active", "yellow")
    assert new_badge.zones == ["press", "plenary"]
    assert first.badge_number == "P-0002"
    # The next journalist does not get the number of the replaced card, nor of the new one.
    assert second.badge_number == "P-0003"


def test_a_press_badge_revoked_by_security_can_be_issued_again(conference):
    journalist = accredit_journalist(apply(conference))
    revoke_badge(journalist.badges.get(), reason="Found on another person")

    reissue_media_badge(journalist)

    assert list(journalist.badges.values_list("number", "state").order_by("number")) == [
        ("P-0001", "revoked"),
        ("P-0002", "active"),
    ]


def test_only_an_accredited_journalist_gets_a_new_badge(conference):
    application = apply(conference)

    with pytest.raises(JournalistNotAccredited):
        reissue_media_badge(application)

    assert not Badge.objects.exists()


def test_a_refusal_gives_the_journalist_the_reason(conference, django_capture_on_commit_callbacks):
    application = apply(conference)

    with django_capture_on_commit_callbacks(execute=True):
        refuse_journalist(application, reason="No press card of a recognised outlet.")

    application.refresh_from_db()
    assert application.state == "refused"
    assert "Reason: No press card of a recognised outlet." in mail.outbox[-1].body


def test_the_signing_pool_takes_one_journalist_per_outlet_up_to_its_places(
    conference, django_capture_on_commit_callbacks
):
    signing = SessionFactory(conference=conference, kind="signing_ceremony", title="Signing")
    pool = MediaPool.objects.create(session=signing, places=2)
    vnn = accredit_journalist(apply(conference, email="a@vnn.example", outlet="VNN"))
    vnn_again = accredit_journalist(apply(conference, email="b@vnn.example", outlet="VNN"))
    afp = accredit_journalist(apply(conference, email="a@afp.example", outlet="AFP"))
    reuters = accredit_journalist(apply(conference, email="a@reuters.example", outlet="Reuters"))
    waiting = apply(conference, email="c@other.example", outlet="Other")

    with django_capture_on_commit_callbacks(execute=True):
        assign_pool_place(pool, vnn)
    with pytest.raises(PoolNotOpen):
        assign_pool_place(pool, vnn_again)  # one per outlet
    with pytest.raises(PoolNotOpen):
        assign_pool_place(pool, waiting)  # not accredited
    assign_pool_place(pool, afp)
    with pytest.raises(PoolFull):
        assign_pool_place(pool, reuters)

    assert [p.journalist.email for p in pool.holders.order_by("pk")] == [
        "a@vnn.example",
        "a@afp.example",
    ]
    assert mail.outbox[-1].subject == "Pool place: Signing"
