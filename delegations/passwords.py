"""A changed password ends the account's API tokens, whichever way it was changed.

Django has no signal for a password change, but after every one (the reset link, the console's
password pages, `manage.py changepassword`, a service's `set_password` then `save`) it calls
`password_changed(password, user)` on each configured password validator; a hasher upgrade at
sign-in is not a change and does not call it. Hooking there covers every path, present and
future, where a call in each view would miss the next one. This validator refuses nothing.
"""

from django.utils.translation import gettext as _

from delegations.services import revoke_api_token


class RevokeApiTokensOnChange:
    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        # An unsaved user has no tokens yet.
        if user is not None and user.pk is not None:
            revoke_api_token(user)

    def get_help_text(self):
        return _("Changing the password ends the account's API access keys.")
