"""Who may see what: a signed-in journalist, and only their own applications.

Every view is wrapped in `journalist_required`, which puts the journalist's applications on the
request; views start every query from `request.media_applications`, so another journalist's
objects are not found (404), never "forbidden".
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from delegations.models import MediaApplication


def journalist_required(view):
    @never_cache
    @login_required(login_url="press:sign-in")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        applications = MediaApplication.objects.filter(user=request.user)
        if not applications.exists():
            return render(request, "press/no_application.html", status=403)
        request.media_applications = applications
        return view(request, *args, **kwargs)

    return wrapper
