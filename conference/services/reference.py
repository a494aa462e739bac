"""Reference data that organisers keep in the console: venues, access zones, rooms,
conferences, conventions, and the other apps' tables of the same kind (media outlets, side-event
slots, webhooks...).

Their rules are the models' fields and constraints, checked here as a form would check them, plus
the few that span rows (a room's access zone is one of its own venue's). A deletion is the one
dangerous write: most of the project hangs on a conference or a room by cascading keys, so a row
is deleted only when nothing else would go with it or be refused by it. The console records who
did what in its log (Django's LogEntry, and the history of the models that keep one).
"""

from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from conference.errors import StillInUse, ZoneOfAnotherVenue, full_clean_or_raise
from conference.models import AccessZone, Room


def save_reference(instance: models.Model, **fields) -> models.Model:
    """Set `fields` on `instance` (new or existing), validate it like a form (every field's
    rules and the model's constraints; a `ValidationError` names the field) and save it. A
    many-to-many field (a side-event slot's rooms) is set once the row exists."""
    related = {}
    for name, value in fields.items():
        if instance._meta.get_field(name).many_to_many:
            related[name] = value
        else:
            setattr(instance, name, value)
    full_clean_or_raise(instance)
    with transaction.atomic():
        instance.save()
        for name, value in related.items():
            getattr(instance, name).set(value)
    return instance


# Rules of the floors above that refuse a change to a room (the programme refuses fewer
# interpretation booths than the sessions to come in the room need); each takes the room as it
# would be saved and raises a `DomainError`. Registered once at start (sessions/apps.py).
_ROOM_RULES = []


def check_room_change(rule) -> None:
    """Register a rule that a room's change must pass; registering it again changes nothing."""
    if rule not in _ROOM_RULES:
        _ROOM_RULES.append(rule)


def check_room(room: Room) -> None:
    """Raise the first `DomainError` of a rule that refuses the room as it is now (unsaved
    changes included): ZoneOfAnotherVenue when its access zone is another venue's (badges open a
    zone of the conference's venue, so such a room could never be entered), then the rules the
    floors above registered. The console calls it to show the refusal on the form."""
    zone = room.access_zone
    if zone is not None and room.venue_id is not None and zone.venue_id != room.venue_id:
        raise ZoneOfAnotherVenue()
    for rule in _ROOM_RULES:
        rule(room)


def save_room(room: Room, **fields) -> Room:
    """A new or changed room of a venue, once every rule accepts it. The room's row is locked
    first, as placing a session locks it, so a session cannot slip into the room between the
    check and the save. Raises the rule's `DomainError`, saving nothing."""
    for name, value in fields.items():
        setattr(room, name, value)
    with transaction.atomic():
        if room.pk is not None:
            Room.objects.select_for_update().filter(pk=room.pk).first()
        check_room(room)
        return save_reference(room)


def save_access_zone(zone: AccessZone, **fields) -> AccessZone:
    """An access zone of a venue; its code is what badges name, so it stays unique per venue."""
    return save_reference(zone, **fields)


def delete_reference(instance: models.Model) -> None:
    """Delete a row that nothing else depends on. Refused (StillInUse, naming what depends on
    it) when the deletion would take other rows with it (a conference's delegations and
    sessions, a venue's rooms) or is blocked by a protecting key (a room a session is in)."""
    using = router.db_for_write(type(instance))
    with transaction.atomic(using=using):
        collector = Collector(using=using)
        try:
            collector.collect([instance])
        except (ProtectedError, RestrictedError) as error:
            dependants = error.protected_objects if isinstance(error, ProtectedError) else []
            dependants = dependants or getattr(error, "restricted_objects", [])
            raise StillInUse(_still_in_use(_count_by_model(dependants))) from error
        others = _count_by_model(
            row
            for model, rows in collector.data.items()
            for row in rows
            if not (model is type(instance) and row.pk == instance.pk)
        )
        for queryset in collector.fast_deletes:
            count = queryset.count()
            if count:
                label = capfirst(queryset.model._meta.verbose_name_plural)
                others[label] = others.get(label, 0) + count
        if others:
            raise StillInUse(_still_in_use(others))
        instance.delete()


def _count_by_model(rows):
    counts = {}
    for row in rows:
        label = capfirst(type(row)._meta.verbose_name_plural)
        counts[label] = counts.get(label, 0) + 1
    return counts


def _still_in_use(counts):
    listed = ", ".join(f"{label}: {count}" for label, count in sorted(counts.items()))
    return _("It is still in use (%(dependants)s), so it stays.") % {"dependants": listed}
