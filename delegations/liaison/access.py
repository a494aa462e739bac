"""Who may see what: a signed-in liaison officer, and only the delegations in their care.

Every view is wrapped in `liaison_required`, which puts the officer's delegations on the request;
views start every query from `request.liaison_delegations`, so another officer's delegation is
simply not found (404), never "forbidden" (which would confirm that it exists). The pages need a
session verified by a second factor: an officer without one yet is sent to set it up.
"""

from functools import wraps

from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from conference.sign_in import must_enrol
from delegations.models import Delegation, LiaisonOfficer


def liaison_required(view):
    @never_cache
    @login_required(login_url="liaison:sign-in")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        officers = list(
            LiaisonOfficer.objects.filter(user=request.user)
            .select_related("conference")
            .order_by("-conference__start_date", "-pk")
        )
        if not officers:
            return render(request, "liaison/no_delegation.html", status=403)
        if not request.user.is_verified():
            # Travel data of delegations: never behind a password alone.
            if must_enrol(request.user):
                return redirect("liaison:two-factor")
            auth.logout(request)
            return redirect_to_login(request.get_full_path(), "liaison:sign-in")
        # An officer who served several conferences works for the latest one.
        request.liaison_officer = officers[0]
        request.conference = officers[0].conference
        request.liaison_delegations = Delegation.objects.filter(
            liaison__officer=request.liaison_officer
        )
        with timezone.override(request.conference.tzinfo):
            return view(request, *args, **kwargs)

    return wrapper
