"""The organisers' writes to delegations, delegates and portal accounts, from the console.

An organiser is not the focal point: the portal's registration window does not bind them (the
protocol desk corrects a name on the eve of the opening, after the deadline and after the
submission), nor do the badge quotas, which ration what a focal point may ask for (an organiser
who grants a head of State a second security officer does so on purpose). What binds everyone
stays: one head per delegation, one person once per conference, one delegation per State, the
passport number encrypted. The history of every change is kept by the models' history (with the
organiser's name), and the console's log.
"""

from django.db import transaction
from django.utils import timezone

from conference.errors import full_clean_or_raise
from conference.security_log import record_security_event
from conference.services import delete_reference
from delegations.errors import DelegationAlreadyExists
from delegations.models import Delegate, Delegation, Invitation, InvitationState, PortalAccount
from delegations.photos import clean_photo
from delegations.services.accounts import revoke_api_token
from delegations.services.invitations import resend_invitation
from delegations.services.registration import write_delegate

# A delegation's state moves only through its own services (invitations, submission,
# accreditation, reopening), which tell the focal point and the webhooks; never by a field.
_STATE_FIELDS = frozenset({"status", "submitted_at", "reopened_at", "credentials"})


def change_delegation(delegation: Delegation, **fields) -> Delegation:
    """An organiser's change to a delegation: its name, acronym, language or focal point.

    A new focal point's address takes over the invitation still waiting for an answer: the
    invitation is readdressed and sent again there with a fresh link (while the reply deadline
    has not passed), so the person now responsible receives it. Raises DelegationAlreadyExists
    for a State or acronym another delegation of the conference has."""
    if _STATE_FIELDS & set(fields):
        raise ValueError(f"The state of a delegation is not a field: {sorted(fields)}")
    with transaction.atomic():
        delegation = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("conference")
            .get(pk=delegation.pk)
        )
        previous_address = delegation.focal_point_email
        for name, value in fields.items():
            setattr(delegation, name, value)
        full_clean_or_raise(delegation, DelegationAlreadyExists)
        delegation.save()
        if delegation.focal_point_email.casefold() != previous_address.casefold():
            _readdress_open_invitations(delegation)
    return delegation


def _readdress_open_invitations(delegation):
    waiting = Invitation.objects.filter(
        delegation=delegation, state__in=InvitationState.open_states()
    )
    for invitation in waiting:
        invitation.email = delegation.focal_point_email
        invitation.save(update_fields=["email"])
        if delegation.conference.reply_deadline > timezone.now():
            resend_invitation(invitation)


def remove_delegation(delegation: Delegation) -> None:
    """Delete a delegation entered by mistake. Refused (StillInUse) once anything hangs on it
    (an invitation, a delegate, a portal account, a message): from then on it is withdrawn by
    revoking its invitation, so that the record says who was invited and told what."""
    delete_reference(delegation)


def save_delegate_as_organiser(
    delegation: Delegation,
    *,
    delegate: Delegate | None = None,
    passport_number: str = "",
    photo=None,
    **fields,
) -> Delegate:
    """Add or change a delegate from the console, whatever the registration's state or date.

    A new delegate, or a new role, without a `badge_category` (or with None) gets the role's
    category, as in the portal; the organiser may give another, beyond the conference's quota,
    and a change of anything else keeps it. The accreditation is not a
    field: it moves through `accredit_delegate` and `reject_delegate`."""
    if "accreditation_status" in fields or "rejection_reason" in fields:
        raise ValueError("The accreditation moves through accredit_delegate / reject_delegate.")
    cleaned_photo = clean_photo(photo) if photo else None
    if delegate is None or "role" in fields:
        fields.setdefault("badge_category", None)
    with transaction.atomic():
        delegation = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("conference")
            .get(pk=delegation.pk)
        )
        return write_delegate(
            delegation,
            delegate,
            passport_number=passport_number,
            cleaned_photo=cleaned_photo,
            within_quota=False,
            fields=fields,
        )


def remove_delegate_as_organiser(delegate: Delegate) -> None:
    """Delete a delegate entered by mistake, whatever the registration's date. Refused
    (StillInUse) once something hangs on the person (a badge, a seat, a place, a signature):
    a delegate who will not come is refused accreditation, and their badge revoked, instead."""
    photo, storage = delegate.photo.name, delegate.photo.storage
    with transaction.atomic():
        delete_reference(delegate)
        if photo:
            transaction.on_commit(lambda: storage.delete(photo))


def close_portal_account(account: PortalAccount, *, closed_by=None) -> None:
    """Take a delegation's portal away from one person (a focal point replaced, a colleague who
    left the mission): the account's link to the delegation goes at once, and so does the
    person's API token when no other delegation is left to them. The user stays (a sign-in may
    serve other delegations). Written to the security log."""
    with transaction.atomic():
        account = PortalAccount.objects.select_related("user", "delegation").get(pk=account.pk)
        user, delegation = account.user, account.delegation
        account.delete()
        if not PortalAccount.objects.filter(user=user).exists():
            revoke_api_token(user)
        record_security_event(
            "portal_account_closed",
            actor=closed_by.get_username() if closed_by is not None else None,
            user=user.get_username(),
            delegation=delegation.pk,
        )
