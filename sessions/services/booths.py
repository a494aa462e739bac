"""The exhibition: exhibitors' entries, booths, and their allocation without double booking.

An allocation locks the booth's row before it looks at the booth's state, so two organisers
giving the same booth at once are served one after the other and the second is refused; the
check constraint `booth_allocated_has_exhibitor_and_times` keeps one exhibitor per booth.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from conference.models import Conference, Room
from delegations.models import Delegation
from sessions.enums import SessionKind
from sessions.errors import (
    BoothNotAvailable,
    BoothTimesInvalid,
    NotAnExhibitionHall,
    NotAnExhibitor,
)
from sessions.models import EXHIBITOR_KINDS, Booth, BoothState, Exhibitor, Session
from sessions.services.notices import notify_booth

# Defaults when the organisers give no times: set-up starts the day before the exhibition
# opens, and booths are cleared on the evening it closes.
SETUP_LEAD = timedelta(days=1)
TEARDOWN_GRACE = timedelta(hours=4)


def check_exhibitor(delegation: Delegation) -> None:
    """Raise NotAnExhibitor unless the delegation may hold a booth: a company, a research
    institution, a United Nations entity, or the host State (which runs the exhibition)."""
    host = delegation.conference.host_country.code
    if delegation.kind in EXHIBITOR_KINDS:
        return
    if delegation.is_state and delegation.country.code == host:
        return
    raise NotAnExhibitor()


def save_exhibitor(
    delegation: Delegation,
    *,
    contact_name: str,
    contact_email: str,
    description: str = "",
    contact_phone: str = "",
    website: str = "",
) -> Exhibitor:
    """Record (or update) what the catalogue says of an exhibitor and whom to call."""
    check_exhibitor(delegation)
    exhibitor = Exhibitor.objects.filter(delegation=delegation).first() or Exhibitor(
        delegation=delegation
    )
    exhibitor.description = description.strip()
    exhibitor.contact_name = contact_name.strip()
    exhibitor.contact_email = contact_email.strip()
    exhibitor.contact_phone = contact_phone.strip()
    exhibitor.website = website.strip()
    exhibitor.full_clean()
    exhibitor.save()
    return exhibitor


def add_booth(
    conference: Conference,
    *,
    room: Room,
    code: str,
    width_m: Decimal,
    depth_m: Decimal,
    location: str = "",
) -> Booth:
    """A new booth, available, in an exhibition hall of the conference's venue."""
    check_booth_room(conference, room)
    booth = Booth(
        conference=conference,
        room=room,
        code=code.strip().upper(),
        width_m=width_m,
        depth_m=depth_m,
        location=location.strip(),
    )
    booth.full_clean()
    booth.save()
    return booth


def check_booth_room(conference: Conference, room: Room) -> None:
    """Raise `NotAnExhibitionHall` unless `room` is an exhibition hall of the conference's
    venue. Forms call it to show the refusal beside the fields, before `add_booth` would."""
    if room.kind != Room.Kind.EXHIBITION_HALL or room.venue_id != conference.venue_id:
        raise NotAnExhibitionHall()


def change_booth(
    booth: Booth, *, code: str, width_m: Decimal, depth_m: Decimal, location: str = ""
) -> Booth:
    """Change a booth's code, size or location. Its hall and conference stay; its allocation
    changes through `allocate_booth` and `release_booth`, which tell the exhibitor."""
    booth.code, booth.location = code.strip().upper(), location.strip()
    booth.width_m, booth.depth_m = width_m, depth_m
    booth.full_clean()
    booth.save(update_fields=["code", "width_m", "depth_m", "location"])
    return booth


def exhibition_hours(booth: Booth) -> tuple[datetime, datetime] | None:
    """When the exhibition in the booth's hall first opens and last closes: its opening hours
    are the published sessions of kind "exhibition" there. None without any."""
    hours = Session.objects.published().filter(
        conference_id=booth.conference_id, room_id=booth.room_id, kind=SessionKind.EXHIBITION
    )
    span = hours.aggregate(opens=Min("starts_at"), closes=Max("ends_at"))
    return (span["opens"], span["closes"]) if span["opens"] else None


def allocate_booth(
    booth: Booth,
    *,
    exhibitor: Delegation,
    setup_from: datetime | None = None,
    teardown_by: datetime | None = None,
) -> Booth:
    """Give an available booth to an exhibitor of the same conference, with the times of
    set-up (before the exhibition opens) and tear-down (after it closes); without times, the
    defaults above. The exhibitor is told."""
    check_exhibitor(exhibitor)
    if exhibitor.conference_id != booth.conference_id:
        raise NotAnExhibitor()
    with transaction.atomic():
        booth = _locked(booth.pk)
        if booth.state != BoothState.AVAILABLE:
            raise BoothNotAvailable(_held_by(booth))
        setup_from, teardown_by = _times(booth, setup_from, teardown_by)
        booth.state = BoothState.ALLOCATED
        booth.exhibitor = exhibitor
        booth.setup_from, booth.teardown_by = setup_from, teardown_by
        booth.allocated_at = timezone.now()
        booth.save()
        notify_booth(booth, exhibitor=exhibitor, allocated=True)
    return booth


def release_booth(booth: Booth) -> Booth:
    """Take an allocated booth back; it is available again, and the exhibitor is told."""
    with transaction.atomic():
        booth = _locked(booth.pk)
        if booth.state != BoothState.ALLOCATED:
            raise BoothNotAvailable(_("This booth is not allocated."))
        notify_booth(booth, exhibitor=booth.exhibitor, allocated=False)
        booth.state = BoothState.AVAILABLE
        booth.exhibitor = None
        booth.setup_from = booth.teardown_by = booth.allocated_at = None
        booth.save()
    return booth


def remove_booth(booth: Booth) -> None:
    """Delete a booth entered by mistake. Refused (BoothNotAvailable) while it is allocated: the
    exhibitor is told by releasing it first."""
    with transaction.atomic():
        booth = _locked(booth.pk)
        if booth.state == BoothState.ALLOCATED:
            raise BoothNotAvailable(_("Release this booth before deleting it."))
        booth.delete()


def close_booth(booth: Booth) -> Booth:
    """Stop offering an available booth (kept for the organisers, or out of use)."""
    return _set_offered(booth, BoothState.AVAILABLE, BoothState.CLOSED)


def reopen_booth(booth: Booth) -> Booth:
    return _set_offered(booth, BoothState.CLOSED, BoothState.AVAILABLE)


def _set_offered(booth, before, after):
    with transaction.atomic():
        booth = _locked(booth.pk)
        if booth.state != before:
            raise BoothNotAvailable(_held_by(booth))
        booth.state = after
        booth.save(update_fields=["state"])
    return booth


def _times(booth, setup_from, teardown_by):
    hours = exhibition_hours(booth)
    if hours is None and (setup_from is None or teardown_by is None):
        raise BoothTimesInvalid(
            _(
                "The exhibition has no opening hours in the programme yet: give the times of "
                "set-up and tear-down."
            )
        )
    if hours is not None:
        opens, closes = hours
        setup_from = setup_from or opens - SETUP_LEAD
        teardown_by = teardown_by or closes + TEARDOWN_GRACE
        if setup_from > opens or teardown_by < closes:
            raise BoothTimesInvalid()
    if teardown_by <= setup_from:
        raise BoothTimesInvalid(_("The booth must be cleared after it is set up."))
    return setup_from, teardown_by


def _held_by(booth):
    if booth.state == BoothState.ALLOCATED:
        return _("Booth %(code)s is already allocated to %(name)s.") % {
            "code": booth.code,
            "name": booth.exhibitor.display_name,
        }
    if booth.state == BoothState.CLOSED:
        return _("Booth %(code)s is not offered.") % {"code": booth.code}
    return _("Booth %(code)s is available.") % {"code": booth.code}


def _locked(booth_id):
    # No join on the exhibitor: a row read after waiting for the lock is the new version, but
    # a nullable joined row may come back empty with it.
    return (
        Booth.objects.select_for_update(of=("self",))
        .select_related("conference", "room")
        .get(pk=booth_id)
    )
