"""The events integrators follow, as the domain services announce them: each builds the public
payload and its idempotency key, then calls `emit`. The objects come from the floors above
(a release, a delegation, a delegate); only their public attributes are read.

The key names the business event, so announcing it twice sends it once: a release by its number,
a change of status or accreditation by the time of the change, a signature by its row.
"""

from conference.webhooks.models import WebhookEvent
from conference.webhooks.services import emit


def release_published(release):
    changes = {kind: len(entries) for kind, entries in release.changes.items()}
    return emit(
        release.conference,
        event=WebhookEvent.RELEASE_PUBLISHED,
        key=f"{release.conference_id}:{release.number}",
        data={
            "number": release.number,
            "published_at": release.published_at,
            "sessions": len(release.sessions),
            "changes": changes,
        },
    )


def delegation_status_changed(delegation, *, previous):
    return emit(
        delegation.conference,
        event=WebhookEvent.DELEGATION_STATUS,
        key=f"{delegation.pk}:{delegation.status}:{delegation.updated_at.isoformat()}",
        data={
            "delegation": {"id": delegation.pk, "name": delegation.display_name},
            "previous_status": previous,
            "status": delegation.status,
        },
    )


def delegate_accredited(delegate):
    delegation = delegate.delegation
    return emit(
        delegation.conference,
        event=WebhookEvent.DELEGATE_ACCREDITED,
        key=f"{delegate.pk}:{delegate.updated_at.isoformat()}",
        data={
            "delegate": {"id": delegate.pk, "name": delegate.full_name},
            "delegation": {"id": delegation.pk, "name": delegation.display_name},
        },
    )


def signature_recorded(signature):
    """To the webhooks of every conference that opened the Convention for signature."""
    data = {
        "party": str(signature),
        "country": signature.country.code if signature.country else "",
        "organisation": signature.organisation,
        "signed_on": signature.signed_on,
        "day_is_verified": signature.day_is_verified,
        "place": signature.place,
        "source": signature.source,
    }
    return [
        delivery
        for conference in signature.convention.conferences.all()
        for delivery in emit(
            conference, event=WebhookEvent.SIGNATURE_RECORDED, key=str(signature.pk), data=data
        )
    ]
