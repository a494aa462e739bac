"""Who may see what: a signed-in liaison officer, and only the delegations in their care.

Every view is wrapped in `liaison_required`, which puts the officer's delegations on the request;
views start every query from `request.liaison_delegations`, so another officer's delegation is
simply not found (404), never "forbidden" (which would confirm that it exists).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

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
        # An officer who served several conferences works for the latest one.
        request.liaison_officer = officers[0]
        request.conference = officers[0].conference
        request.liaison_delegations = Delegation.objects.filter(
            liaison__officer=request.liaison_officer
        )
        with timezone.override(request.conference.tzinfo):
            return view(request, *args, **kwargs)

    return wrapper
