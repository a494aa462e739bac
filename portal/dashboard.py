"""The focal point's home: status, deadlines, the checklist, submission, accreditation."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conference.errors import DomainError
from delegations.enums import AccreditationStatus, DelegateRole
from delegations.errors import RegistrationIncomplete
from delegations.selectors import registration_checklist
from delegations.services import is_editable, submit_registration
from portal.access import focal_point_required
from sessions.feeds.personal import personal_agenda, personal_calendar


@focal_point_required
def dashboard(request):
    delegation = request.delegation
    checklist = registration_checklist(delegation)
    head = delegation.delegates.filter(role=DelegateRole.HEAD).first()
    return render(
        request,
        "portal/dashboard.html",
        {
            "delegation": delegation,
            "conference": delegation.conference,
            "checklist": checklist,
            "complete": all(item.done for item in checklist),
            "editable": is_editable(delegation),
            "delegates": delegation.delegates.order_by("family_name", "given_names"),
            "head": head,
            "head_agenda": personal_agenda(head) if head else [],
        },
    )


@require_POST
@focal_point_required
def submit(request):
    try:
        submit_registration(request.delegation)
    except RegistrationIncomplete as error:
        labels = ", ".join(error.context.get("labels", []))
        messages.error(request, f"{error.message} {labels}")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "The registration is submitted for accreditation. A confirmation has been sent "
                "by e-mail."
            ),
        )
    return redirect("portal:dashboard")


@focal_point_required
def agenda(request, delegate_id):
    """A delegate's own sessions as iCalendar, once accredited."""
    delegate = get_object_or_404(
        request.delegation.delegates,
        pk=delegate_id,
        accreditation_status=AccreditationStatus.ACCREDITED,
    )
    response = HttpResponse(personal_calendar(delegate), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="agenda-{delegate.pk}.ics"'
    return response
