"""The general debate's speakers' list: inscriptions, substitutions, withdrawals, moves by
organisers, rights of reply and the times statements were actually given."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations.enums import DelegateRole, ProtocolRank
from delegations.models import Delegate, Delegation
from delegations.services import ensure_editable
from sessions.enums import SessionKind
from sessions.errors import (
    AlreadyInscribed,
    NotAGeneralDebate,
    NotInscribed,
    ReplyAlreadyRequested,
    SessionTimesInvalid,
    SpeakerNotInDelegation,
)
from sessions.models import Inscription, ReplyRequest, Session
from sessions.selectors import speakers_list


def request_to_speak(
    delegation: Delegation, *, speaker: Delegate | None = None, by_focal_point=False
) -> Inscription:
    """Put the delegation on the general debate's speakers' list (once); a focal point only
    while the registration is open. The speaker is the head of delegation unless another
    member of the delegation is named; the delegation is ranked at the speaker's level."""
    if by_focal_point:
        ensure_editable(delegation)
    speaker = _speaker_of(delegation, speaker)
    try:
        with transaction.atomic():
            return Inscription.objects.create(
                conference=delegation.conference,
                delegation=delegation,
                speaker=speaker,
                level=speaker.protocol_rank if speaker else ProtocolRank.DELEGATE,
                position=_next_position_if_frozen(delegation.conference),
            )
    except IntegrityError as error:
        raise AlreadyInscribed() from error


def substitute_speaker(inscription: Inscription, *, speaker: Delegate) -> list[Inscription]:
    """Another member of the delegation takes the floor. A lower-level speaker ranks the
    delegation again at that level, after those already there (as if inscribed now); a
    higher-level one keeps the delegation's place (nobody moves up by substituting). On a
    list frozen by hand, the delegation moves to the end of its new level."""
    speaker = _speaker_of(inscription.delegation, speaker)
    with transaction.atomic():
        inscription = Inscription.objects.select_for_update().get(pk=inscription.pk)
        lower = ProtocolRank.precedence(speaker.protocol_rank) > ProtocolRank.precedence(
            inscription.level
        )
        inscription.speaker = speaker
        if not lower:
            inscription.save(update_fields=["speaker"])
            return speakers_list(inscription.conference)
        inscription.level = speaker.protocol_rank
        inscription.ranked_at = timezone.now()
        inscription.save(update_fields=["speaker", "level", "ranked_at"])
        if inscription.position is not None:
            _refreeze_at_end_of_level(inscription)
    return speakers_list(inscription.conference)


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
        _renumber(ordered)
    return speakers_list(inscription.conference)


def swap_speakers(first: Inscription, second: Inscription) -> list[Inscription]:
    with transaction.atomic():
        ordered = speakers_list(first.conference)
        ids = [entry.pk for entry in ordered]
        a, b = ids.index(first.pk), ids.index(second.pk)
        ordered[a], ordered[b] = ordered[b], ordered[a]
        _renumber(ordered)
    return speakers_list(first.conference)


def request_right_of_reply(
    sitting: Session, *, delegation: Delegation, speaker: Delegate | None = None
) -> ReplyRequest:
    """A delegation asks to reply in a sitting of the general debate: heard at the end of the
    sitting, in the order of the requests; once per delegation and sitting."""
    if (
        sitting.kind != SessionKind.GENERAL_DEBATE
        or sitting.conference_id != delegation.conference_id
    ):
        raise NotAGeneralDebate()
    speaker = _speaker_of(delegation, speaker)
    try:
        with transaction.atomic():
            return ReplyRequest.objects.create(
                sitting=sitting, delegation=delegation, speaker=speaker
            )
    except IntegrityError as error:
        raise ReplyAlreadyRequested() from error


def record_statement_times(statement, *, started_at, ended_at=None):
    """Record when a speaker (an inscription or a reply) actually took the floor and ended,
    for the chair's running order and the record of the sitting."""
    if ended_at is not None and ended_at <= started_at:
        raise SessionTimesInvalid()
    statement.started_at, statement.ended_at = started_at, ended_at
    statement.save(update_fields=["started_at", "ended_at"])
    return statement


def _speaker_of(delegation, speaker):
    """The named speaker, who must belong to the delegation, else its head (or nobody)."""
    if speaker is None:
        return next((d for d in delegation.delegates.all() if d.role == DelegateRole.HEAD), None)
    if speaker.delegation_id != delegation.pk:
        raise SpeakerNotInDelegation()
    return speaker


def _refreeze_at_end_of_level(inscription):
    """On a frozen list: place the inscription after the last entry ranked at its level or
    above, and number the list again."""
    others = [e for e in speakers_list(inscription.conference) if e.pk != inscription.pk]
    level = ProtocolRank.precedence(inscription.level)
    index = next(
        (i for i, e in enumerate(others) if ProtocolRank.precedence(e.level) > level),
        len(others),
    )
    others.insert(index, inscription)
    _renumber(others)


def _renumber(ordered):
    for position, entry in enumerate(ordered, start=1):
        Inscription.objects.filter(pk=entry.pk).update(position=position)


def _next_position_if_frozen(conference):
    last = (
        Inscription.objects.filter(conference=conference, withdrawn_at__isnull=True)
        .exclude(position__isnull=True)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return last + 1 if last else None
