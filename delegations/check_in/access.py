"""Who may scan at a door, and for which conference.

A browser scans either as a scanner device (its token entered once, the device's id then kept in
the session) or as a staff member of the security role signed in to the console (with the second
factor), who chooses the conference once. The device is looked up at each request, so
deactivating it stops the phone at its next scan."""

from django.utils import timezone

from conference.models import Conference
from delegations.models import ScannerDevice

SCAN_PERMISSION = "delegations.add_scan"

SCANNER = "check_in_scanner"
CONFERENCE = "check_in_conference"
LAST_DOOR = "check_in_door"


def may_scan(user, *, second_factor: bool = True) -> bool:
    """A staff member of the security role; signed in by session, only once the second factor is
    verified, as the console asks (an API token is a credential of its own)."""
    if not (user.is_authenticated and user.is_staff and user.has_perm(SCAN_PERMISSION)):
        return False
    return not second_factor or getattr(user, "is_verified", lambda: False)()


def door(request) -> tuple[Conference | None, ScannerDevice | None]:
    """The conference this browser scans for, and its scanner device when it is one."""
    device_id = request.session.get(SCANNER)
    if device_id is not None:
        device = (
            ScannerDevice.objects.select_related("conference")
            .filter(pk=device_id, active=True)
            .first()
        )
        if device is not None:
            return device.conference, device
        forget(request)
    conference_id = request.session.get(CONFERENCE)
    if conference_id is not None and may_scan(request.user):
        return Conference.objects.filter(pk=conference_id).first(), None
    return None, None


def forget(request) -> None:
    for key in (SCANNER, CONFERENCE, LAST_DOOR):
        request.session.pop(key, None)


def current_conference() -> Conference | None:
    """The conference under way, else the next one, else the last one held."""
    today = timezone.localdate()
    upcoming = Conference.objects.filter(end_date__gte=today).order_by("start_date", "pk")
    return upcoming.first() or Conference.objects.order_by("-start_date", "-pk").first()
