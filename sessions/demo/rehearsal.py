"""The rehearsal: an illustrative copy of the Hanoi conference placed ahead of today.

`hanoi2025` is the record of October 2025, so on any later date its invitations have expired and
its registration is closed. The rehearsal (rehearsal.toml) has the same venue, programme and
delegations, moved by whole weeks to start `weeks_ahead` weeks after the day it is loaded, and
says in its name that it is illustrative. A second run on the same day changes nothing; a run
after the rehearsal's registration deadline has passed moves it ahead again (sessions,
deadlines and open invitations together) and releases the moved programme.
"""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from conference.models import Conference
from delegations.models import Invitation, InvitationState
from sessions.demo import loader
from sessions.models import Session


def rehearsal_shift(start_date: dt.date, *, weeks_ahead: int, today: dt.date) -> dt.timedelta:
    """The whole weeks that move an opening on `start_date` to at least `weeks_ahead` weeks
    after `today` (whole weeks, so that every day keeps its weekday); none if it already is."""
    days_short = (today + dt.timedelta(weeks=weeks_ahead) - start_date).days
    return dt.timedelta(weeks=max(0, -(-days_short // 7)))


def load_rehearsal_demo(*, today: dt.date | None = None) -> tuple[Conference, loader.DemoReport]:
    """Install the rehearsal, or move it ahead once its registration has closed."""
    today = today or timezone.localdate()
    record = loader.read_data("hanoi2025.toml")
    delegations = loader.read_data("hanoi2025_delegations.toml")
    entry = loader.read_data("rehearsal.toml")["conference"]
    report = loader.DemoReport()
    with transaction.atomic():
        venue = loader.install_venue(record["venue"], report)
        convention = loader.install_convention(record["convention"], report)
        conference = Conference.objects.filter(slug=entry["slug"]).first()
        if conference is None:
            conference = _create(record, entry, venue, convention, report, today=today)
        elif conference.registration_deadline.date() <= today:
            _move_ahead(conference, entry, report, today=today)
        else:
            report.count_new("conferences", False)
        if not conference.translations:
            # A rehearsal loaded before its name was translated gains its names in every
            # language (illustrative data, as _move_ahead says).
            conference.translations = rehearsal_translations(
                record["conference"].get("translations", {})
            )
            Conference.objects.filter(pk=conference.pk).update(translations=conference.translations)
        for state in delegations["states"]:
            loader.install_state_delegation(conference, state, report, delegates=False)
        for organisation in delegations["organisations"]:
            loader.install_organisation_delegation(
                conference, organisation, report, delegates=False
            )
        loader.release(conference, report)
    report.totals = {
        "sessions": conference.sessions.count(),
        "delegations": conference.delegations.count(),
    }
    return conference, report


# The rehearsal says in every language that it is not a real event (rehearsal.toml holds the
# English; the catalogues the rest).
REHEARSAL_NAME = gettext_noop("Rehearsal (illustrative, not a real event): %(name)s")
REHEARSAL_THEME = gettext_noop(
    "Illustrative rehearsal for trying the system: dates computed from the day the demo is loaded"
)


def rehearsal_translations(translations: dict) -> dict:
    """The Hanoi conference's names in each language, prefixed as the rehearsal's, with the
    rehearsal's theme; in the language's own words."""
    named = {}
    for code, entry in translations.items():
        with translation.override(code):
            named[code] = {
                "name": gettext(REHEARSAL_NAME) % {"name": entry["name"]},
                "theme": gettext(REHEARSAL_THEME),
                **({"city": entry["city"]} if "city" in entry else {}),
            }
    return named


def _create(record, entry, venue, convention, report, *, today):
    shift = rehearsal_shift(
        record["conference"]["start_date"], weeks_ahead=entry["weeks_ahead"], today=today
    )
    conference_entry = {
        **record["conference"],
        "slug": entry["slug"],
        "name": entry["name"],
        "theme": entry["theme"],
        "translations": rehearsal_translations(record["conference"].get("translations", {})),
        "start_date": record["conference"]["start_date"] + shift,
        "end_date": record["conference"]["end_date"] + shift,
        "reply_deadline": record["conference"]["reply_deadline"] + shift,
        "registration_deadline": record["conference"]["registration_deadline"] + shift,
    }
    conference = loader.install_conference(conference_entry, venue, report, convention=convention)
    rooms = {room.name: room for room in venue.rooms.all()}
    for session in record["sessions"]:
        loader.install_session(
            conference, rooms, {**session, "day": session["day"] + shift}, report
        )
    return conference


def _move_ahead(conference, entry, report, *, today):
    """Move the whole rehearsal by whole weeks. Illustrative data only: the real conferences'
    dates are changed by organisers in the console, through the services, never like this."""
    shift = rehearsal_shift(conference.start_date, weeks_ahead=entry["weeks_ahead"], today=today)
    Conference.objects.filter(pk=conference.pk).update(
        start_date=F("start_date") + shift,
        end_date=F("end_date") + shift,
        reply_deadline=F("reply_deadline") + shift,
        registration_deadline=F("registration_deadline") + shift,
    )
    Session.objects.filter(conference=conference).update(
        starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift
    )
    Invitation.objects.filter(
        delegation__conference=conference, state__in=InvitationState.open_states()
    ).update(expires_at=F("expires_at") + shift)
    conference.refresh_from_db()
    report.count_new("rehearsal moves", True)
