"""The delegation's side events: propose one for a slot of the grid, follow the decision,
withdraw it."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from portal.access import focal_point_required
from sessions.models import SideEventSlot
from sessions.services import propose_side_event, withdraw_side_event

LANGUAGE_NAMES = {
    "ar": gettext_lazy("Arabic"),
    "en": gettext_lazy("English"),
    "es": gettext_lazy("Spanish"),
    "fr": gettext_lazy("French"),
    "ru": gettext_lazy("Russian"),
    "vi": gettext_lazy("Vietnamese"),
    "zh": gettext_lazy("Chinese"),
}


class SlotChoice(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        return str(slot)


class SideEventForm(RefusesControlCharacters, forms.Form):
    slot = SlotChoice(SideEventSlot.objects.none(), label=gettext_lazy("Slot"), empty_label=None)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    organisers = forms.CharField(
        label=gettext_lazy("Organisers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One organiser a line: your delegation and any co-organisers."),
    )
    speakers = forms.CharField(
        label=gettext_lazy("Speakers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy("One speaker a line: name and function."),
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"), widget=forms.CheckboxSelectMultiple
    )
    expected_audience = forms.IntegerField(
        label=gettext_lazy("Expected audience"), min_value=1, max_value=5000
    )
    technical_needs = forms.CharField(
        label=gettext_lazy("Technical needs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy("Screens, microphones, video link, recording..."),
    )

    def __init__(self, conference, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = SideEventSlot.objects.filter(
            conference=conference
        ).select_related("conference")
        self.fields["languages"].choices = [
            (code, LANGUAGE_NAMES.get(code, code)) for code in conference.languages
        ]


@require_http_methods(["GET", "POST"])
@focal_point_required
def side_events(request):
    delegation = request.delegation
    form = SideEventForm(delegation.conference, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            propose_side_event(delegation, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your side event is proposed. You will hear of the decision.")
            )
            return redirect("portal:side-events")
    applications = delegation.side_event_applications.select_related(
        "slot__conference", "room"
    ).order_by("slot__starts_at", "submitted_at")
    return render(
        request,
        "portal/side_events.html",
        {"delegation": delegation, "form": form, "applications": applications},
    )


@require_POST
@focal_point_required
def side_event_withdraw(request, application_id):
    application = get_object_or_404(request.delegation.side_event_applications, pk=application_id)
    try:
        withdraw_side_event(application)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The side event is withdrawn."))
    return redirect("portal:side-events")
