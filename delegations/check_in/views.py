"""The scan page: choose the zone and the direction once, then scan badge after badge.

Thin: the decision is `services.record_scan`'s; the page shows it big enough to read at arm's
length (green ALLOWED, red REFUSED) with the holder's name, photo and delegation.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from conference.files import private_file
from conference.local_time import conference_time
from conference.security_log import record_security_event
from delegations import services
from delegations.check_in import access
from delegations.check_in.forms import ConferenceForm, ScanForm, ScannerTokenForm
from delegations.check_in.results import badge_for_photo, check_in_result
from delegations.errors import UnknownZone


@never_cache
@require_http_methods(["GET", "POST"])
def scan(request):
    conference, device = access.door(request)
    if conference is None:
        if request.method == "POST":
            return _start_page(request, status=403)
        return redirect("check_in:start")
    last_door = request.session.get(access.LAST_DOOR, {})
    form = ScanForm(conference, request.POST or None, initial=last_door)
    result = None
    if form.is_valid():
        zone, direction = form.cleaned_data["zone"], form.cleaned_data["direction"]
        try:
            scanned = services.record_scan(
                conference,
                payload=form.cleaned_data["payload"],
                zone_code=zone,
                direction=direction,
                device=device,
                user=request.user,
            )
        except UnknownZone as error:  # removed since the page was drawn
            form.add_error("zone", error.message)
        else:
            result = check_in_result(scanned)
            request.session[access.LAST_DOOR] = {"zone": zone, "direction": direction}
            # The same door, an empty code field: ready for the next badge.
            form = ScanForm(conference, initial=request.session[access.LAST_DOOR])
    context = {"form": form, "result": result, "conference": conference, "device": device}
    with conference_time(conference):
        return render(request, "check_in/scan.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    data = request.POST if request.method == "POST" else None
    token_form = ScannerTokenForm(data if data and "token" in data else None)
    if token_form.is_valid():
        # A new privilege for this browser: a new session key, as at any sign-in.
        request.session.cycle_key()
        access.forget(request)
        request.session[access.SCANNER] = token_form.device.pk
        record_security_event("scanner_connected", request=request, scanner=token_form.device.pk)
        return redirect("check_in:scan")
    if token_form.is_bound:
        record_security_event("scanner_token_refused", request=request)
    if access.may_scan(request.user) and data and "conference" in data:
        conference_form = ConferenceForm(data)
        if conference_form.is_valid():
            access.forget(request)
            request.session[access.CONFERENCE] = conference_form.cleaned_data["conference"].pk
            return redirect("check_in:scan")
    else:
        conference_form = None
    return _start_page(request, token_form=token_form, conference_form=conference_form)


@require_POST
def stop(request):
    access.forget(request)
    return redirect("check_in:start")


@never_cache
@require_GET
def photo(request, token):
    badge = badge_for_photo(token)
    if badge is None:
        raise Http404
    return private_file(badge.holder.photo, content_type="image/jpeg")


def _start_page(request, *, token_form=None, conference_form=None, status=200):
    if conference_form is None and access.may_scan(request.user):
        conference_form = ConferenceForm(initial={"conference": access.current_conference()})
    context = {
        "token_form": token_form or ScannerTokenForm(),
        "conference_form": conference_form,
    }
    return render(request, "check_in/start.html", context, status=status)
