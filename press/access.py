"""Who may see what: a signed-in journalist, and only their own applications.

Every view is wrapped in `journalist_required`, which puts the journalist's applications on the
request; views start every query from `request.media_applications`, so another journalist's
objects are not found (404), never "forbidden". A second factor is offered to journalists, not
required (README, Two-factor sign-in); once they set one up, it is asked at every sign-in.
"""

from functools import wraps

from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django_otp import user_has_device

from delegations.models import MediaApplication


def journalist_required(view):
    @never_cache
    @login_required(login_url="press:sign-in")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        applications = MediaApplication.objects.filter(user=request.user)
        if not applications.exists():
            return render(request, "press/no_application.html", status=403)
        if user_has_device(request.user) and not request.user.is_verified():
            # A journalist who set up a second factor is asked for it, whatever the session.
            auth.logout(request)
            return redirect_to_login(request.get_full_path(), "press:sign-in")
        request.media_applications = applications
        return view(request, *args, **kwargs)

    return wrapper
