"""The language services' page: the interpretation plan of a day (sessions x languages), on
screen and as CSV; and the booth check of the session form."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from conference.models import Conference
from sessions.interpretation import interpretation_plan, plan_csv


class PlanForm(forms.Form):
    conference = forms.ModelChoiceField(
        Conference.objects.order_by("-start_date"),
        label=gettext_lazy("Conference"),
        empty_label=None,
    )
    day = forms.DateField(label=gettext_lazy("Day"), widget=forms.DateInput(attrs={"type": "date"}))


class InterpretationPlanMixin:
    change_list_template = "admin/programme/session/change_list.html"

    def get_urls(self):
        return [
            path(
                "interpretation/",
                self.admin_site.admin_view(self.interpretation_view),
                name="programme_session_interpretation",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        form = PlanForm(initial={"day": timezone.localdate()})
        context = {**(extra_context or {}), "plan_form": form}
        return super().changelist_view(request, context)

    def interpretation_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = PlanForm(request.GET or None)
        plan = None
        if form.is_valid():
            conference = form.cleaned_data["conference"]
            plan = interpretation_plan(conference, form.cleaned_data["day"])
            if request.GET.get("format") == "csv":
                headers = [_("Starts"), _("Ends"), _("Session"), _("Room")]
                headers += [_("Booths in the room"), _("Booths needed")]
                response = HttpResponse(
                    plan_csv(plan, headers=headers), content_type="text/csv; charset=utf-8"
                )
                name = f"interpretation-{conference.slug}-{plan.day.isoformat()}.csv"
                response["Content-Disposition"] = f'attachment; filename="{name}"'
                return response
        return TemplateResponse(
            request,
            "admin/programme/session/interpretation.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Interpretation plan"),
                "form": form,
                "plan": plan,
                "minutes": plan.minutes_per_language() if plan else {},
                "query": request.GET.urlencode(),
            },
        )
