"""Who may see what in the portal: a signed-in focal point, and only their own delegation.

Every portal view is wrapped in `focal_point_required`, which puts the delegation on the request;
views then start every query from `request.delegation`, so another delegation's objects are
simply not found (404), never "forbidden" (which would confirm that they exist).
"""

from contextlib import ExitStack
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from conference.local_time import conference_time
from delegations.models import PortalAccount

CURRENT_DELEGATION = "portal_delegation"


def portal_accounts(user):
    return PortalAccount.objects.filter(user=user).select_related("delegation__conference")


def focal_point_required(view):
    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        accounts = list(portal_accounts(request.user))
        if not accounts:
            return render(request, "portal/no_delegation.html", status=403)
        chosen = request.session.get(CURRENT_DELEGATION)
        account = next((a for a in accounts if a.delegation_id == chosen), None)
        if account is None and len(accounts) == 1:
            account = accounts[0]
        if account is None:
            return redirect("portal:choose-delegation")
        request.delegation = account.delegation
        with delegation_context(request, account.delegation):
            return view(request, *args, **kwargs)

    return wrapper


def delegation_context(request, delegation):
    """The delegation's language (until the focal point picks one) and its conference's time,
    labelled: for every page about one delegation, signed in or not (the invitation's link)."""
    stack = ExitStack()
    stack.enter_context(_language_of(request, delegation))
    # Inside the language, so that the label ("heure de Hanoi") is in it too.
    stack.enter_context(conference_time(delegation.conference))
    return stack


def _language_of(request, delegation):
    """The delegation's language until the focal point picks one with the switcher."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return translation.override(translation.get_language())
    codes = {code for code, _name in settings.LANGUAGES}
    language = delegation.language if delegation.language in codes else settings.LANGUAGE_CODE
    request.LANGUAGE_CODE = language
    return translation.override(language)
