"""Personal agendas: a secret calendar address per delegate, with that delegate's sessions."""

import secrets

from django.db import transaction

from delegations.models import Delegate
from sessions.models import AgendaLink, agenda_token_hash


def issue_agenda_link(delegate: Delegate) -> str:
    """Give the delegate a new secret agenda address and return its token (shown once). Any
    earlier address stops working."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        AgendaLink.objects.update_or_create(
            delegate=delegate, defaults={"token_hash": agenda_token_hash(token)}
        )
    return token


def revoke_agenda_link(delegate: Delegate) -> None:
    AgendaLink.objects.filter(delegate=delegate).delete()
