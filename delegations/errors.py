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


class InvalidPhoto(DomainError):
    code = "invalid_photo"
    default_message = _("Upload the photo as a JPEG or PNG image.")
    status_code = 400


class InvalidDocument(DomainError):
    code = "invalid_document"
    default_message = _("Upload the document as a PDF file of at most 10 MB.")
    status_code = 400


class PersonAlreadyRegistered(DomainError):
    # Names no delegation: the focal point must not learn who else registered this person.
    code = "person_already_registered"
    default_message = _(
        "A person with this passport number and date of birth is already registered for this "
        "conference. Please contact the Secretariat."
    )


class QuotaReached(DomainError):
    code = "quota_reached"
    default_message = _("Your delegation has used all its badges of this category.")


class RegistrationClosed(DomainError):
    code = "registration_closed"
    default_message = _(
        "The registration can no longer be changed: it was submitted, or the deadline has passed. "
        "Please contact the Secretariat to reopen it."
    )


class RegistrationIncomplete(DomainError):
    code = "registration_incomplete"
    default_message = _("The registration is not complete yet.")
    status_code = 400


class AccountExists(DomainError):
    code = "account_exists"
    default_message = _("An account already exists for this address: please sign in.")


class NotAccepted(DomainError):
    code = "invitation_not_accepted"
    default_message = _("Accept the invitation before creating an account.")
    status_code = 400


class ReasonRequired(DomainError):
    code = "reason_required"
    default_message = _("Give the reason of the refusal: the delegation will read it.")
    status_code = 400


class NotSubmitted(DomainError):
    code = "not_submitted"
    default_message = _("The delegation has not submitted its registration.")


class NotAccredited(DomainError):
    code = "not_accredited"
    default_message = _("Only an accredited delegate receives a badge.")


class BadgeAlreadyIssued(DomainError):
    code = "badge_already_issued"
    default_message = _(
        "This delegate already holds a valid badge: reissue it to give a new number."
    )


class BadgeAlreadyRevoked(DomainError):
    code = "badge_already_revoked"
    default_message = _("This badge is already revoked.")


class RevocationReasonRequired(ReasonRequired):
    default_message = _("Give the reason of the revocation: it stays on the badge's record.")


class UnknownZone(DomainError):
    # A misconfigured scanner, not a badge being tried: nothing is recorded.
    code = "unknown_zone"
    default_message = _("This access zone does not exist at the conference's venue.")
    status_code = 404


class NotTheSameConference(DomainError):
    code = "not_the_same_conference"
    default_message = _("The liaison officer works for another conference than this delegation.")
    status_code = 400


class LiaisonOfficerExists(DomainError):
    code = "liaison_officer_exists"
    default_message = _("This address is already a liaison officer of the conference.")


class ParticipantListClosed(DomainError):
    code = "participant_list_closed"
    default_message = _(
        "The final list of participants is issued: its entries can no longer be changed."
    )


class NotListed(DomainError):
    code = "not_listed"
    default_message = _("This person does not appear in the list of participants.")
    status_code = 404


class MediaApplicationsClosed(DomainError):
    code = "media_applications_closed"
    default_message = _("Media accreditation for this conference is closed.")


class MediaAccountExists(DomainError):
    code = "media_account_exists"
    default_message = _(
        "This e-mail address already has an account. Sign in with it, or use another address."
    )


class OutletQuotaReached(DomainError):
    code = "outlet_quota_reached"
    default_message = _("This outlet has as many accredited journalists as its quota allows.")


class MediaAlreadyReviewed(DomainError):
    code = "media_already_reviewed"
    default_message = _("This application is already decided.")


class JournalistNotAccredited(DomainError):
    code = "journalist_not_accredited"
    default_message = _("Only an accredited journalist receives a press badge.")


class InvitationNotOpen(DomainError):
    """An organiser's resend or revoke of an invitation no longer waiting for an answer: the
    invitation's state conflicts with the request (the invitee's link answers 410 instead)."""

    code = "invitation_not_open"
    default_message = _("This invitation is no longer waiting for an answer.")


class SecretErased(DomainError):
    code = "secret_erased"
    default_message = _(
        "This message carried a one-time link, erased when its delivery failed. Send a new "
        "invitation or password reset instead."
    )
    status_code = 409
