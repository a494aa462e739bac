"""The programme's models, one module per concern."""

from sessions.models.bilaterals import BilateralLevel, BilateralMeeting, BilateralState
from sessions.models.booths import EXHIBITOR_KINDS, Booth, BoothState, Exhibitor, may_exhibit
from sessions.models.gala import GalaAnswer, GalaSeat, GalaTable
from sessions.models.media_pool import MediaPool, PoolPlace
from sessions.models.places import Place, PlaceState
from sessions.models.releases import AgendaLink, ScheduleRelease, agenda_token_hash
from sessions.models.session import Session, SessionPerson, SessionQuerySet
from sessions.models.side_events import SideEventApplication, SideEventSlot
from sessions.models.signing import (
    SIGNS_WITHOUT_FULL_POWERS,
    FullPowersAuthority,
    FullPowersState,
    Signatory,
)
from sessions.models.speakers import Inscription, ReplyRequest

__all__ = [
    "EXHIBITOR_KINDS",
    "SIGNS_WITHOUT_FULL_POWERS",
    "AgendaLink",
    "BilateralLevel",
    "BilateralMeeting",
    "BilateralState",
    "Booth",
    "BoothState",
    "Exhibitor",
    "FullPowersAuthority",
    "FullPowersState",
    "GalaAnswer",
    "GalaSeat",
    "GalaTable",
    "Inscription",
    "MediaPool",
    "Place",
    "PlaceState",
    "PoolPlace",
    "ReplyRequest",
    "ScheduleRelease",
    "Session",
    "SessionPerson",
    "SessionQuerySet",
    "SideEventApplication",
    "SideEventSlot",
    "Signatory",
    "agenda_token_hash",
    "may_exhibit",
]
