"""The general debate's speakers' list: inscriptions, withdrawals, moves by organisers."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations.models import Delegate, Delegation
from delegations.services import ensure_editable
from sessions.errors import AlreadyInscribed, NotInscribed
from sessions.models import Inscription
from sessions.selectors import speakers_list


def request_to_speak(
    delegation: Delegation, *, speaker: Delegate | None = None, by_focal_point=False
) -> Inscription:
    """Put the delegation on the general debate's speakers' list (once); a focal point only
    while the registration is open."""
    if by_focal_point:
        ensure_editable(delegation)
    try:
        with transaction.atomic():
            return Inscription.objects.create(
                conference=delegation.conference,
                delegation=delegation,
                speaker=speaker,
                position=_next_position_if_frozen(delegation.conference),
            )
    except IntegrityError as error:
        raise AlreadyInscribed() from error


def withdraw_from_list(delegation: Delegation, *, by_focal_point=False) -> None:
    if by_focal_point:
        ensure_editable(delegation)
    updated = Inscription.objects.filter(delegation=delegation, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    if not updated:
        raise NotInscribed()


def move_speaker(inscription: Inscription, *, to_position: int) -> list[Inscription]:
    """An organiser moves a speaker to a position (1 is first). The list is frozen from then on:
    every inscription keeps its place and later ones join at the end."""
    with transaction.atomic():
        ordered = [
            entry for entry in speakers_list(inscription.conference) if entry.pk != inscription.pk
        ]
        ordered.insert(max(0, to_position - 1), inscription)
        for position, entry in enumerate(ordered, start=1):
            Inscription.objects.filter(pk=entry.pk).update(position=position)
    return speakers_list(inscription.conference)


def swap_speakers(first: Inscription, second: Inscription) -> list[Inscription]:
    with transaction.atomic():
        ordered = speakers_list(first.conference)
        ids = [entry.pk for entry in ordered]
        a, b = ids.index(first.pk), ids.index(second.pk)
        ordered[a], ordered[b] = ordered[b], ordered[a]
        for position, entry in enumerate(ordered, start=1):
            Inscription.objects.filter(pk=entry.pk).update(position=position)
    return speakers_list(first.conference)


def _next_position_if_frozen(conference):
    last = (
        Inscription.objects.filter(conference=conference, withdrawn_at__isnull=True)
        .exclude(position__isnull=True)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return last + 1 if last else None
