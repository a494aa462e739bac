"""The exhibition: booths, exhibitors, allocation without double booking, and the notices."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from conference.models import Room
from sessions import services
from sessions.errors import (
    BoothNotAvailable,
    BoothTimesInvalid,
    NotAnExhibitionHall,
    NotAnExhibitor,
)
from sessions.models import Booth, Exhibitor
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def at(day, hour):
    return dt.datetime(2025, 10, day, hour, 0, tzinfo=HANOI)


@pytest.fixture
def conference():
    return ConferenceFactory(host_country="VN")


@pytest.fixture
def hall(conference):
    """The exhibition hall, open 8:00-18:00 on the 25th and 8:00-17:00 on the 26th."""
    room = RoomFactory(
        venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL, name="Exhibition Hall"
    )
    for day, closes in ((25, 18), (26, 17)):
        services.publish_session(
            SessionFactory(
                conference=conference,
                kind="exhibition",
                slug=f"exhibition-{day}",
                room=room,
                starts_at=at(day, 8),
                ends_at=at(day, closes),
            )
        )
    return room


@pytest.fixture
def booth(conference, hall):
    return services.add_booth(
        conference,
        room=hall,
        code=" a01 ",
        width_m=Decimal("3"),
        depth_m=Decimal("6"),
        location="Row A, by the main entrance",
    )


def company(conference, name="Viettel Group", language="en"):
    return OrganisationDelegationFactory(
        conference=conference, kind="private_sector", name=name, language=language
    )


def test_a_booth_is_added_in_an_exhibition_hall_only(conference, booth):
    assert (booth.code, booth.size, booth.area, booth.state) == (
        "A01",
        "3 \N{MULTIPLICATION SIGN} 6 m",
        Decimal("18"),
        "available",
    )
    with pytest.raises(NotAnExhibitionHall):
        services.add_booth(
            conference,
            room=RoomFactory(venue=conference.venue),
            code="A02",
            width_m=Decimal("3"),
            depth_m=Decimal("3"),
        )
    with pytest.raises(ValidationError) as refused:
        services.add_booth(
            conference, room=booth.room, code="A01", width_m=Decimal(3), depth_m=Decimal(3)
        )
    assert refused.value.messages == ["The exhibition already has a booth with this number."]
    assert Booth.objects.count() == 1


def test_an_allocation_takes_its_times_from_the_opening_hours_and_tells_the_exhibitor(
    conference, booth, django_capture_on_commit_callbacks
):
    exhibitor = company(conference, language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        services.allocate_booth(booth, exhibitor=exhibitor)

    booth.refresh_from_db()
    assert (booth.state, booth.exhibitor, booth.setup_from, booth.teardown_by) == (
        "allocated",
        exhibitor,
        at(24, 8),
        at(26, 21),
    )
    (message,) = mail.outbox
    assert (message.to, message.subject) == (
        [exhibitor.focal_point_email],
        "Stand d'exposition A01 attribué",
    )
    assert (
        "Le stand A01 (3 \N{MULTIPLICATION SIGN} 6 m, Row A, by the main entrance), "
        "Exhibition Hall, est attribué à Viettel Group. Le montage peut commencer le "
        "24 octobre 2025 à 08:00 ; le stand doit être libéré au plus tard le "
        "26 octobre 2025 à 21:00 (heure de Hanoi, UTC+7)."
    ) in message.body


def test_a_booth_is_never_given_twice(conference, booth, django_capture_on_commit_callbacks):
    first, second = company(conference), company(conference, name="FPT Corporation")
    services.allocate_booth(booth, exhibitor=first)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(BoothNotAvailable) as no:
        services.allocate_booth(booth, exhibitor=second)

    assert str(no.value) == "Booth A01 is already allocated to Viettel Group."
    booth.refresh_from_db()
    assert booth.exhibitor == first
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ({"kind": "private_sector", "name": "Kaspersky"}, True),
        ({"kind": "academia", "name": "Viet Nam National University"}, True),
        ({"kind": "un_entity", "name": "UNODC"}, True),
        ({"kind": "member_state", "country": "VN"}, True),  # the host runs the exhibition
        ({"kind": "member_state", "country": "FR"}, False),
        ({"kind": "ngo", "name": "Access Now"}, False),
        ({"kind": "media", "name": "Reuters"}, False),
    ],
)
def test_who_may_hold_a_booth(conference, booth, who, allowed):
    fields = {"country": "", "name": "", **who}
    delegation = DelegationFactory(conference=conference, **fields)

    if allowed:
        services.allocate_booth(booth, exhibitor=delegation)
    else:
        with pytest.raises(NotAnExhibitor):
            services.allocate_booth(booth, exhibitor=delegation)

    booth.refresh_from_db()
    assert booth.state == ("allocated" if allowed else "available")


def test_an_exhibitor_of_another_conference_is_refused(booth):
    with pytest.raises(NotAnExhibitor):
        services.allocate_booth(booth, exhibitor=company(ConferenceFactory()))


@pytest.mark.parametrize(
    ("setup_from", "teardown_by"),
    [
        (at(25, 9), at(26, 21)),  # set up after the exhibition opens
        (at(24, 8), at(26, 12)),  # cleared before it closes
    ],
)
def test_times_around_the_opening_hours_are_refused(conference, booth, setup_from, teardown_by):
    with pytest.raises(BoothTimesInvalid):
        services.allocate_booth(
            booth, exhibitor=company(conference), setup_from=setup_from, teardown_by=teardown_by
        )

    booth.refresh_from_db()
    assert (booth.state, booth.exhibitor) == ("available", None)


def test_without_opening_hours_the_times_must_be_given(conference):
    hall = RoomFactory(venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL)
    booth = services.add_booth(
        conference, room=hall, code="Z1", width_m=Decimal(3), depth_m=Decimal(3)
    )

    with pytest.raises(BoothTimesInvalid):
        services.allocate_booth(booth, exhibitor=company(conference))
    with pytest.raises(BoothTimesInvalid):
        services.allocate_booth(
            booth, exhibitor=company(conference), setup_from=at(25, 9), teardown_by=at(25, 8)
        )
    services.allocate_booth(
        booth, exhibitor=company(conference), setup_from=at(24, 9), teardown_by=at(26, 20)
    )

    booth.refresh_from_db()
    assert (booth.setup_from, booth.teardown_by) == (at(24, 9), at(26, 20))


def test_a_booth_released_is_announced_and_may_be_given_again(
    conference, booth, django_capture_on_commit_callbacks
):
    exhibitor = company(conference)
    with django_capture_on_commit_callbacks(execute=True):
        services.allocate_booth(booth, exhibitor=exhibitor)
        services.release_booth(booth)
        services.allocate_booth(booth, exhibitor=exhibitor)

    assert [message.subject for message in mail.outbox] == [
        "Exhibition booth A01 allocated",
        "Exhibition booth A01 withdrawn",
        "Exhibition booth A01 allocated",
    ]
    with pytest.raises(BoothNotAvailable):
        services.close_booth(booth)


def test_a_closed_booth_is_not_given_until_offered_again(conference, booth):
    services.close_booth(booth)

    with pytest.raises(BoothNotAvailable) as no:
        services.allocate_booth(booth, exhibitor=company(conference))
    assert str(no.value) == "Booth A01 is not offered."
    with pytest.raises(BoothNotAvailable):
        services.release_booth(booth)

    services.reopen_booth(booth)
    services.allocate_booth(booth, exhibitor=company(conference))
    booth.refresh_from_db()
    assert booth.state == "allocated"


def test_the_database_holds_one_exhibitor_exactly_when_allocated(conference, booth):
    with pytest.raises(IntegrityError), transaction.atomic():
        Booth.objects.filter(pk=booth.pk).update(state="allocated")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booth.objects.filter(pk=booth.pk).update(exhibitor=company(conference))


def test_an_exhibitors_entry_is_saved_once_and_updated(conference):
    delegation = company(conference)

    services.save_exhibitor(
        delegation, contact_name=" Mai Example ", contact_email="expo@viettel.example.org"
    )
    services.save_exhibitor(
        delegation,
        contact_name="Mai Example",
        contact_email="expo@viettel.example.org",
        description="Telecommunications.",
    )

    entry = Exhibitor.objects.get()
    assert (entry.delegation, entry.contact_name, entry.description) == (
        delegation,
        "Mai Example",
        "Telecommunications.",
    )
    with pytest.raises(NotAnExhibitor):
        services.save_exhibitor(
            DelegationFactory(conference=conference, country="FR"),
            contact_name="X",
            contact_email="x@example.org",
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_organisers_giving_one_booth_at_once_give_it_once():
    conference = ConferenceFactory()
    hall = RoomFactory(venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL)
    booth = services.add_booth(
        conference, room=hall, code="A1", width_m=Decimal(3), depth_m=Decimal(3)
    )
    exhibitors = [company(conference, name=f"Company {n}") for n in range(20)]
    start, outcomes = threading.Event(), []

    def allocate(exhibitor):
        start.wait()
        try:
            services.allocate_booth(
                booth, exhibitor=exhibitor, setup_from=at(24, 8), teardown_by=at(26, 21)
            )
            outcomes.append("allocated")
        except BoothNotAvailable:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate, args=(e,)) for e in exhibitors]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()

    assert (outcomes.count("allocated"), outcomes.count("refused")) == (1, 19)


# The console


def test_the_console_allocates_and_shows_refusals_as_form_errors(admin_client, conference, booth):
    url = reverse("admin:programme_booth_allocate", args=[booth.pk])
    exhibitor, media = (
        company(conference),
        OrganisationDelegationFactory(conference=conference, kind="media", name="Reuters"),
    )

    response = admin_client.get(url)
    choices = list(response.context["form"].fields["exhibitor"].queryset)
    assert (exhibitor in choices, media in choices) == (True, False)

    response = admin_client.post(url, {"exhibitor": exhibitor.pk}, follow=True)
    assert "Booth A01 is allocated to Viettel Group; the exhibitor is told." in [
        str(m) for m in response.context["messages"]
    ]

    response = admin_client.post(url, {"exhibitor": exhibitor.pk})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Booth A01 is already allocated to Viettel Group."
    ]


def test_console_actions_release_and_report_errors(admin_client, conference, booth):
    services.allocate_booth(booth, exhibitor=company(conference))
    changelist = reverse("admin:programme_booth_changelist")

    response = admin_client.post(
        changelist, {"action": "release_selected", "_selected_action": [booth.pk]}, follow=True
    )
    again = admin_client.post(
        changelist, {"action": "release_selected", "_selected_action": [booth.pk]}, follow=True
    )

    assert "1 booth released." in [str(m) for m in response.context["messages"]]
    assert "Booth A01: This booth is not allocated." in [str(m) for m in again.context["messages"]]
    booth.refresh_from_db()
    assert booth.state == "available"


def test_console_adds_a_booth_only_in_a_hall_of_the_venue_and_changes_it_through_the_service(
    admin_client, conference, hall
):
    elsewhere = RoomFactory(kind=Room.Kind.EXHIBITION_HALL)  # a hall of another venue
    add = reverse("admin:programme_booth_add")
    data = {"conference": conference.pk, "code": "b7", "width_m": "3", "depth_m": "2"}

    refused = admin_client.post(add, {**data, "room": elsewhere.pk})
    added = admin_client.post(add, {**data, "room": hall.pk, "location": " By the door "})
    booth = Booth.objects.get()
    changed = admin_client.post(
        reverse("admin:programme_booth_change", args=[booth.pk]),
        {"code": "c9 ", "width_m": "4", "depth_m": "2", "location": ""},
    )

    assert refused.status_code == 200
    assert refused.context["adminform"].form.non_field_errors() == [
        "A booth stands in an exhibition hall of the conference's venue."
    ]
    assert (added.status_code, changed.status_code) == (302, 302)
    booth.refresh_from_db()
    assert (booth.room, booth.code, booth.width_m, booth.location) == (hall, "C9", 4, "")


def test_an_allocated_booth_is_not_deleted_until_released(conference, booth, admin_client):
    services.allocate_booth(booth, exhibitor=company(conference))
    delete = reverse("admin:programme_booth_delete", args=[booth.pk])

    with pytest.raises(BoothNotAvailable):
        services.remove_booth(booth)
    admin_client.post(delete, {"post": "yes"})
    assert Booth.objects.filter(pk=booth.pk).exists()

    services.release_booth(booth)
    admin_client.post(delete, {"post": "yes"})
    assert not Booth.objects.filter(pk=booth.pk).exists()
