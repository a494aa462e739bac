"""A delegation's registration in the portal: delegates, documents, travel, submission.

Every change locks the delegation's row first. That serialises a focal point's two browser tabs
(and two colleagues of one mission) on the quotas, and makes a change and the submission exclude
each other: nothing is added to a registration once it is submitted.
"""

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conference.errors import full_clean_or_raise
from conference.files import uploaded_name
from conference.webhooks import events as webhook_events
from delegations import passports
from delegations.enums import BadgeCategory, DelegationStatus
from delegations.errors import (
    HeadOfDelegationAlreadyNamed,
    PersonAlreadyRegistered,
    QuotaReached,
    RegistrationClosed,
    RegistrationIncomplete,
)
from delegations.models import Delegate, Delegation, Travel
from delegations.photos import clean_photo
from delegations.selectors import registration_checklist
from delegations.services.arrivals import notify_travel_change, travel_snapshot
from delegations.services.notifications import notify_registration_submitted
from delegations.uploads import check_pdf


def is_editable(delegation: Delegation, *, now=None) -> bool:
    """A confirmed delegation edits until the registration deadline, or while reopened."""
    if delegation.status != DelegationStatus.CONFIRMED:
        return False
    deadline = delegation.conference.registration_deadline
    return delegation.reopened_at is not None or (now or timezone.now()) < deadline


def ensure_editable(delegation: Delegation) -> None:
    """Raise `RegistrationClosed` unless the focal point may still change the registration
    (also for choices kept by other apps, such as roundtable places)."""
    if not is_editable(delegation):
        raise RegistrationClosed()


def save_delegate(
    delegation: Delegation,
    *,
    delegate: Delegate | None = None,
    passport_number: str = "",
    photo=None,
    **fields,
) -> Delegate:
    """Add a delegate or change one, while the registration is open to the focal point. The
    badge category follows the role, within the conference's quota of each category."""
    cleaned_photo = clean_photo(photo) if photo else None
    with transaction.atomic():
        delegation = _locked_editable(delegation)
        fields["badge_category"] = None  # from the role
        return write_delegate(
            delegation,
            delegate,
            passport_number=passport_number,
            cleaned_photo=cleaned_photo,
            within_quota=True,
            fields=fields,
        )


def write_delegate(
    delegation, delegate, *, passport_number, cleaned_photo, within_quota, fields
) -> Delegate:
    """The write that the focal point's and the organisers' services share, inside their
    transaction, on a delegation they locked. The passport number is encrypted (and the same
    person refused twice in a conference); a photo, already checked and re-encoded, is written
    before the row and removed if the row is refused, so a refusal leaves the delegate as it
    was. A `badge_category` of None follows the role."""
    if delegate is None:
        delegate = Delegate(delegation=delegation, conference_id=delegation.conference_id)
    else:
        delegate = Delegate.objects.get(pk=delegate.pk, delegation=delegation)
    for name, value in fields.items():
        setattr(delegate, name, value)
    if delegate.badge_category is None:
        delegate.badge_category = BadgeCategory.for_role(delegate.role)
    if within_quota:
        _check_quota(delegation, delegate)
    _set_passport(delegate, passport_number)
    full_clean_or_raise(delegate, HeadOfDelegationAlreadyNamed, PersonAlreadyRegistered)
    previous_photo = delegate.photo.name if cleaned_photo else ""
    if cleaned_photo:
        delegate.photo.save("photo.jpg", cleaned_photo, save=False)
        # The file is written before the row; if the row is refused, the file goes.
        new_photo = delegate.photo.name
    try:
        with transaction.atomic():
            delegate.save()
    except DatabaseError as exc:  # refused, or the connection was lost (a 503)
        if cleaned_photo:
            delegate.photo.storage.delete(new_photo)
        if isinstance(exc, IntegrityError):
            raise _integrity_error(exc) from exc
        raise
    if previous_photo:
        storage = delegate.photo.storage
        transaction.on_commit(lambda: storage.delete(previous_photo))
    return delegate


def remove_delegate(delegate: Delegate) -> None:
    with transaction.atomic():
        _locked_editable(delegate.delegation)
        photo, storage = delegate.photo.name, delegate.photo.storage
        delegate.delete()
        if photo:
            transaction.on_commit(lambda: storage.delete(photo))


def upload_credentials(delegation: Delegation, *, file) -> Delegation:
    """The note verbale or credentials letter: a PDF, checked by its content."""
    check_pdf(file)
    with transaction.atomic():
        delegation = _locked_editable(delegation)
        previous, storage = delegation.credentials.name, delegation.credentials.storage
        delegation.credentials.save("credentials.pdf", file, save=False)
        delegation.credentials_name = uploaded_name(file)
        delegation.credentials_uploaded_at = timezone.now()
        delegation.save(
            update_fields=[
                "credentials",
                "credentials_name",
                "credentials_uploaded_at",
                "updated_at",
            ]
        )
        if previous:
            transaction.on_commit(lambda: storage.delete(previous))
    return delegation


def save_travel(delegate: Delegate, **fields) -> Travel:
    """The focal point's travel details for one delegate; a change is sent to the delegation's
    liaison officer."""
    with transaction.atomic():
        _locked_editable(delegate.delegation)
        travel = Travel.objects.filter(delegate=delegate).first() or Travel(delegate=delegate)
        before = travel_snapshot(travel)
        for name, value in fields.items():
            setattr(travel, name, value)
        full_clean_or_raise(travel)
        travel.save()
        notify_travel_change(travel, before=before)
    return travel


def submit_registration(delegation: Delegation) -> Delegation:
    """Submit for accreditation once the checklist is complete; the registration is then read
    only until an organiser reopens it."""
    with transaction.atomic():
        delegation = _locked_editable(delegation)
        missing = [item for item in registration_checklist(delegation) if not item.done]
        if missing:
            raise RegistrationIncomplete(
                missing=[item.key for item in missing], labels=[str(i.label) for i in missing]
            )
        previous, delegation.status = delegation.status, DelegationStatus.REGISTERED
        delegation.submitted_at = timezone.now()
        delegation.reopened_at = None
        delegation.save(update_fields=["status", "submitted_at", "reopened_at", "updated_at"])
        webhook_events.delegation_status_changed(delegation, previous=previous)
        notify_registration_submitted(delegation)
    return delegation


def reopen_registration(delegation: Delegation) -> Delegation:
    """An organiser gives the focal point the registration back, even after the deadline."""
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
        if delegation.status not in (DelegationStatus.REGISTERED, DelegationStatus.CONFIRMED):
            raise RegistrationClosed()
        previous, delegation.status = delegation.status, DelegationStatus.CONFIRMED
        delegation.reopened_at = timezone.now()
        delegation.save(update_fields=["status", "reopened_at", "updated_at"])
        if previous != delegation.status:
            webhook_events.delegation_status_changed(delegation, previous=previous)
    return delegation


def _locked_editable(delegation):
    delegation = (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=delegation.pk)
    )
    if not is_editable(delegation):
        raise RegistrationClosed()
    return delegation


def _check_quota(delegation, delegate):
    limit = delegation.conference.delegation_quotas.get(delegate.badge_category)
    if limit is None:
        return
    taken = (
        Delegate.objects.filter(delegation=delegation, badge_category=delegate.badge_category)
        .exclude(pk=delegate.pk)
        .count()
    )
    if taken >= limit:
        category = BadgeCategory(delegate.badge_category)
        raise QuotaReached(
            _("Your delegation has used all its badges of the category %(category)s (%(limit)s).")
            % {"category": category.label, "limit": limit},
            category=category.value,
            limit=limit,
        )


def _set_passport(delegate, number):
    number = passports.normalise(number or "")
    if number:
        delegate.passport_number_encrypted = passports.encrypt(number)
        delegate.passport_last4 = number[-4:]
    else:
        number = passports.decrypt(delegate.passport_number_encrypted)
    delegate.passport_fingerprint = (
        passports.fingerprint(number, delegate.date_of_birth)
        if number and delegate.date_of_birth
        else ""
    )


def _integrity_error(exc):
    text = str(exc)
    if "delegate_one_person_per_conference" in text:
        return PersonAlreadyRegistered()
    return HeadOfDelegationAlreadyNamed()
