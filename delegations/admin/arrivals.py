"""Liaison officers and the airport desk's sheet of the day's arrivals and departures."""

from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from conference.admin_services import WritesThroughServices
from conference.forms import RefusesControlCharacters
from conference.models import Conference
from conference.services import delete_reference
from delegations import services
from delegations.documents.arrivals import movements_sheet_pdf
from delegations.errors import LiaisonOfficerExists, NotTheSameConference
from delegations.models import LiaisonAssignment, LiaisonOfficer
from delegations.services.arrivals import ARRIVAL, DEPARTURE


class SheetForm(forms.Form):
    conference = forms.ModelChoiceField(
        Conference.objects.order_by("-start_date"), label=_("Conference"), empty_label=None
    )
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    direction = forms.ChoiceField(
        label=_("Sheet"),
        choices=[(ARRIVAL, _("Arrivals")), (DEPARTURE, _("Departures"))],
        initial=ARRIVAL,
    )


class ArrivalsSheetMixin:
    """The travel console's sheet of the day (a PDF for the airport desk)."""

    change_list_template = "admin/delegations/travel/change_list.html"

    def get_urls(self):
        return [
            path(
                "sheet/",
                self.admin_site.admin_view(self.sheet_view),
                name="delegations_travel_sheet",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {**(extra_context or {}), "sheet_form": SheetForm(initial={"day": date.today()})}
        return super().changelist_view(request, context)

    def sheet_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = SheetForm(request.GET or None)
        if not form.is_valid():
            return TemplateResponse(
                request,
                "admin/delegations/travel/sheet.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": _("Sheet of the day"),
                    "form": form,
                },
            )
        conference = form.cleaned_data["conference"]
        day, direction = form.cleaned_data["day"], form.cleaned_data["direction"]
        movements = services.movements_on(conference, day, direction=direction)
        pdf = movements_sheet_pdf(conference, day, movements, direction=direction)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{direction}s-{day.isoformat()}.pdf"'
        return response


class AssignmentFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        conference_id = self.instance.conference_id
        for form in self.forms:
            delegation = form.cleaned_data.get("delegation")
            if delegation is not None and delegation.conference_id != conference_id:
                form.add_error("delegation", NotTheSameConference.default_message)


class AssignmentInline(admin.TabularInline):
    model = LiaisonAssignment
    formset = AssignmentFormSet
    extra = 1
    fields = ["delegation", "assigned_at"]
    readonly_fields = ["assigned_at"]
    autocomplete_fields = ["delegation"]


class NewOfficerForm(RefusesControlCharacters, forms.ModelForm):
    email = forms.EmailField(label=_("E-mail address"))

    class Meta:
        model = LiaisonOfficer
        fields = ["conference", "name", "email", "phone", "language"]

    def clean(self):
        data = super().clean()
        conference, email = data.get("conference"), data.get("email")
        if conference and email:
            officers = LiaisonOfficer.objects.filter(conference=conference)
            if officers.filter(user__username=email.strip().lower()).exists():
                self.add_error("email", LiaisonOfficerExists.default_message)
        return data


@admin.register(LiaisonOfficer)
class LiaisonOfficerAdmin(WritesThroughServices, admin.ModelAdmin):
    """A new officer is registered by the service (a sign-in of their own and a welcome
    message); the delegations in their care are listed below the officer."""

    list_display = ["name", "email", "phone", "conference", "delegation_count"]
    list_filter = ["conference"]
    search_fields = ["name", "user__email", "assignments__delegation__name"]
    list_select_related = ["user", "conference"]
    inlines = [AssignmentInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = NewOfficerForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["conference", "name", "email", "phone", "language"]
        return ["conference", "user", "name", "phone", "language"]

    def get_readonly_fields(self, request, obj=None):
        return ["conference", "user"] if obj else []

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            services.change_liaison_officer(obj, **{n: getattr(obj, n) for n in form.changed_data})
            return
        data = form.cleaned_data
        officer = services.register_liaison_officer(
            data["conference"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            language=data["language"],
        )
        obj.pk = officer.pk
        obj.user = officer.user

    def save_formset(self, request, form, formset, change):
        """The delegations in the officer's care, through `assign_liaison_officer` (which takes
        a delegation from its previous officer) and `unassign_liaison_officer`."""
        for assignment in formset.save(commit=False):
            services.assign_liaison_officer(assignment.delegation, form.instance)
        for assignment in formset.deleted_objects:
            services.unassign_liaison_officer(assignment)

    def delete_model(self, request, obj):
        # Refused while delegations are in the officer's care: they would be left without one.
        delete_reference(obj)

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(request, _("A welcome message with a link to choose a password is sent."))
        return redirect("admin:delegations_liaisonofficer_change", obj.pk)

    @admin.display(description=_("e-mail"), ordering="user__email")
    def email(self, officer):
        return officer.user.email

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(delegation_total=Count("assignments"))

    @admin.display(description=_("delegations"), ordering="delegation_total")
    def delegation_count(self, officer):
        return officer.delegation_total
