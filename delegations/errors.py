from django.utils.translation import gettext_lazy as _

from conference.errors import DomainError


class DelegationAlreadyExists(DomainError):
    code = "delegation_exists"
    default_message = _("This State or organisation already has a delegation at the conference.")


class HeadOfDelegationAlreadyNamed(DomainError):
    code = "head_of_delegation_exists"
    default_message = _("This delegation already has a head of delegation.")
