"""factory_boy factories: plain data, no hidden behaviour. Writes that matter use the services."""

import datetime as dt
import zoneinfo

import factory

from conference.models import AccessZone, Conference, Room, Venue
from delegations.enums import DelegationKind, DelegationStatus
from delegations.models import Delegate, Delegation
from sessions.models import Session

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Convention Centre {n}")
    city = "Hanoi"
    country = "VN"


class AccessZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessZone

    venue = factory.SubFactory(VenueFactory)
    code = factory.Sequence(lambda n: f"zone{n}")
    name = factory.Sequence(lambda n: f"Zone {n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    kind = Room.Kind.MEETING_ROOM
    capacity = 100


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference

    slug = factory.Sequence(lambda n: f"conf{n:04d}")
    name = factory.Sequence(lambda n: f"Conference {n}")
    city = "Hanoi"
    host_country = "VN"
    venue = factory.SubFactory(VenueFactory)
    timezone = "Asia/Ho_Chi_Minh"
    start_date = dt.date(2025, 10, 25)
    end_date = dt.date(2025, 10, 26)
    languages = ["en", "fr", "vi"]
    reply_deadline = dt.datetime(2025, 10, 6, 17, 0, tzinfo=HANOI)
    registration_deadline = dt.datetime(2025, 10, 14, 17, 0, tzinfo=HANOI)


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    conference = factory.SubFactory(ConferenceFactory)
    kind = DelegationKind.MEMBER_STATE
    country = "FR"
    language = "fr"
    focal_point_name = "Focal Point"
    focal_point_email = factory.Sequence(lambda n: f"focal{n}@mission.example.org")

    class Params:
        # `accepted=True`: the delegation answered yes to its invitation (the state
        # `answer_invitation` leaves it in), so that it may, for one, receive bilateral requests.
        accepted = factory.Trait(status=DelegationStatus.CONFIRMED)


class OrganisationDelegationFactory(DelegationFactory):
    kind = DelegationKind.INTERGOVERNMENTAL_ORGANISATION
    country = ""
    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    language = "en"


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    delegation = factory.SubFactory(DelegationFactory)
    family_name = factory.Sequence(lambda n: f"EXAMPLE{n}")
    given_names = "Alex"
    function = "Delegate"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    conference = factory.SubFactory(ConferenceFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    kind = "roundtable"
    title = factory.Sequence(lambda n: f"Session {n}")
    room = factory.SubFactory(RoomFactory, venue=factory.SelfAttribute("..conference.venue"))
    starts_at = dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI)
    ends_at = dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI)
