"""Two-factor authentication: the authenticator app (TOTP) and backup codes.

These are the writes; the console's pages (config/console.py) and the sign-in of liaison
officers and journalists (conference/sign_in.py) only call them, hence their place on the lowest
floor. A person enrols once: a TOTP device is created unconfirmed, shown as a QR code, and
confirmed by its first code, which also issues the backup codes. Until then the console refuses
every page but the enrolment one (django-otp's OTPAdminSite requires a verified device), and so
do the liaison officers' pages.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conference.errors import DomainError

BACKUP_CODES = 10


class InvalidCode(DomainError):
    code = "invalid_two_factor_code"
    default_message = _(
        "This code is not valid. Type the code your app shows now (check the phone's clock)."
    )
    status_code = 400


class AlreadyEnrolled(DomainError):
    code = "two_factor_already_enrolled"
    default_message = _("This account already has a two-factor device: sign in with it.")


def pending_device(user) -> TOTPDevice:
    """The unconfirmed authenticator of `user`, created on the first call. Later calls return the
    same one, so that reloading the setup page keeps the key an app may already have scanned."""
    if user_has_device(user):
        raise AlreadyEnrolled()
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=gettext("Authenticator app"), confirmed=False
        )
    return device


def confirm_device(user, *, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the pending authenticator with its first code, then issue the backup codes.

    Returns the device and the codes, which are shown once. A wrong code confirms nothing, but
    counts against django-otp's throttle (the failure is kept: it is outside the rollback).
    """
    with transaction.atomic():
        if user_has_device(user):
            raise AlreadyEnrolled()
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise InvalidCode()
        verified = device.verify_token(token.strip())
        if verified:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = replace_backup_codes(user)
    if not verified:
        raise InvalidCode()
    return device, codes


def replace_backup_codes(user) -> list[str]:
    """Issue `BACKUP_CODES` new single-use codes; the ones issued before stop working.

    The device itself is kept, so a session verified by a backup code stays verified.
    """
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=gettext("Backup codes"))
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG, drawn here (no external service sees the key)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=gettext("QR code for your authenticator app")
    )


def readable_key(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _authenticators(user) -> list[TOTPDevice]:
    return [d for d in devices_for_user(user) if isinstance(d, TOTPDevice)]


def needs_device_choice(user) -> bool:
    """Whether the sign-in page must ask which device a code comes from: only when the person
    has several authenticator apps. The backup codes never need choosing (see device_for_code)."""
    return len(_authenticators(user)) > 1


def device_for_code(user, token: str):
    """The one device of `user` that a code can come from, or None when in doubt.

    An authenticator shows digits only (six by default); a backup code has eight letters and
    digits. So a code of the authenticator's length in digits goes to the person's only
    authenticator, anything else to their backup codes. The code is then tried against that one
    device alone, as django-otp wants: trying every device would count a failure against each
    device that did not match, and throttle devices that were never used.
    """
    token = token.strip()
    authenticators = _authenticators(user)
    if len(authenticators) == 1 and token.isdigit() and len(token) == authenticators[0].digits:
        return authenticators[0]
    if len(authenticators) <= 1 and token:
        backup = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
        if backup is not None:
            return backup
        return authenticators[0] if authenticators else None
    return None
