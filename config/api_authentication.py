"""The API's session authentication, held to the console's rule on second factors."""

from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, except that a staff member's session counts only once a
    second factor has been verified in it, as the console asks (config/console.py). Otherwise a
    password alone, typed at any sign-in form, would reach through the API what the console
    keeps behind the code. A focal point's session is unchanged; an API token is a credential
    of its own."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user = result[0]
        # Without django-otp's middleware nothing was verified: the safe reading is "not".
        if user.is_staff and not getattr(user, "is_verified", lambda: False)():
            return None
        return result


class VerifiedSessionScheme(SessionScheme):
    """The session cookie, under a name of its own: a view that still lists DRF's class (the
    check-in) keeps "cookieAuth", and one name may not stand for two classes."""

    target_class = "config.api_authentication.SessionAuthentication"
    name = "verifiedCookieAuth"

    def get_security_definition(self, auto_schema):
        return super().get_security_definition(auto_schema) | {
            "description": "The session cookie; a staff member's counts once its second factor "
            "is verified, as in the console."
        }
