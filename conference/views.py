"""The depositary's register as a public page: the status of the Convention a conference opened
for signature, in the Treaty Collection's layout."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from conference.models import Conference
from conference.selectors import TREATY_COLLECTION_MARKS, convention_status


@require_GET
@cache_control(public=True, max_age=300)
def convention_status_page(request, slug):
    conference = Conference.objects.select_related("convention").filter(slug=slug).first()
    if conference is None or conference.convention is None:
        raise Http404
    status = convention_status(conference.convention)
    for row in status["participants"]:
        instrument = row["instrument"]
        row["mark"] = TREATY_COLLECTION_MARKS[instrument.kind] if instrument else ""
    return render(
        request, "conference/convention_status.html", {"conference": conference, **status}
    )
