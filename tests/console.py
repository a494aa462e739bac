"""Signing in with a second factor: organisers to the console (config/console.py), and the
authenticator apps and codes of the liaison officers' and journalists' one-step sign-in.

`client.force_login` gives a password session only, which the console refuses; this also
records in the session a verified authenticator, as a real sign-in with a code does.
"""

from base64 import b32decode

from django.forms import MultiWidget
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def sign_in_to_console(client, user):
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test phone")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def change_form_data(client, url, **changes):
    """The POST a console change (or add) page would send as it stands, with `changes`: every
    field of the form and of its inlines as the page shows it, management forms included."""
    context = client.get(url).context
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, MultiWidget):
                parts = widget.decompress(value) if not isinstance(value, list) else value
                for index, part in enumerate(parts):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else part
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif value is not None:
                data[bound.html_name] = value
    data.update(changes)
    return data


def authenticator(user) -> TOTPDevice:
    """A confirmed authenticator app of `user`, as enrolment leaves it."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_of(device: TOTPDevice) -> str:
    """The code the app shows now (the clock as the test sets it)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def code_for_key(key: str) -> str:
    """The code an authenticator app shows now for the key a setup page prints (base32, in
    groups of four): what a person types, in a browser test."""
    secret = b32decode(key.replace(" ", ""))
    return f"{totp(secret):06d}"
