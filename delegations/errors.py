from django.utils.translation import gettext_lazy as _

from conference.errors import DomainError


class DelegationAlreadyExists(DomainError):
    code = "delegation_exists"
    default_message = _("This State or organisation already has a delegation at the conference.")


class HeadOfDelegationAlreadyNamed(DomainError):
    code = "head_of_delegation_exists"
    default_message = _("This delegation already has a head of delegation.")


class InvitationUnavailable(DomainError):
    """Expired, revoked, already answered or unknown: deliberately one error, so that the answer
    reveals nothing about which invitations exist."""

    code = "invitation_unavailable"
    default_message = _(
        "This invitation link can no longer be used. Please contact the Secretariat if you need "
        "a new one."
    )
    status_code = 410
