from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.files import pdf_download
from sessions import services
from sessions.documents import gala as gala_documents
from sessions.enums import SessionKind
from sessions.models import (
    GalaAnswer,
    GalaSeat,
    GalaTable,
    Session,
)
from sessions.selectors import dietary_summary, seating_plan

# The gala dinner: tables, answers, seats moved by hand, and the dinner's page (seating, PDFs).


@admin.register(GalaTable)
class GalaTableAdmin(WritesThroughServices, admin.ModelAdmin):
    """The dinner's tables, through `save_gala_table` and `remove_gala_table`, which keep the
    seats of guests already seated."""

    list_display = ["__str__", "session", "seats", "is_top_table", "guests_count", "dinner_page"]
    list_filter = [("session", admin.RelatedOnlyFieldListFilter), "is_top_table"]
    ordering = ["session", "-is_top_table", "number"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("session")
            .annotate(guests_count=Count("guests"))
        )

    def save_model(self, request, obj, form, change):
        services.save_gala_table(obj)

    def delete_model(self, request, obj):
        services.remove_gala_table(obj)

    @admin.display(description=_("guests"), ordering="guests_count")
    def guests_count(self, table):
        return table.guests_count

    @admin.display(description=_("seating and printables"))
    def dinner_page(self, table):
        url = reverse("admin:programme_galatable_dinner", args=[table.session_id])
        return format_html('<a href="{}">{}</a>', url, _("Open"))

    def get_urls(self):
        dinner = [
            ("", self.dinner_view, "dinner"),
            ("seating-plan.pdf", self.seating_plan_pdf, "seating_plan_pdf"),
            ("place-cards.pdf", self.place_cards_pdf, "place_cards_pdf"),
        ]
        return [
            path(
                f"dinner/<id:session_id>/{suffix}",
                self.admin_site.admin_view(view),
                name=f"programme_galatable_{name}",
            )
            for suffix, view, name in dinner
        ] + super().get_urls()

    def dinner_view(self, request, session_id):
        session = self._gala(request, session_id)
        if request.method == "POST":
            if not request.user.has_perm("programme.change_galaseat"):
                raise PermissionDenied
            try:
                seats = services.seat_gala_dinner(session)
                self.message_user(
                    request,
                    ngettext("%(count)d guest seated.", "%(count)d guests seated.", len(seats))
                    % {"count": len(seats)},
                )
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            return redirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Gala dinner: %(title)s") % {"title": session},
            "session": session,
            "tables": seating_plan(session),
            "dietary": dietary_summary(session),
            "may_seat": request.user.has_perm("programme.change_galaseat"),
        }
        return TemplateResponse(request, "admin/programme/galatable/dinner.html", context)

    def seating_plan_pdf(self, request, session_id):
        session = self._gala(request, session_id)
        return pdf_download(
            gala_documents.seating_plan_pdf(session), f"{session.slug}-seating-plan.pdf"
        )

    def place_cards_pdf(self, request, session_id):
        session = self._gala(request, session_id)
        return pdf_download(
            gala_documents.place_cards_pdf(session), f"{session.slug}-place-cards.pdf"
        )

    def _gala(self, request, session_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Session.objects.select_related("conference", "room"),
            pk=session_id,
            kind=SessionKind.GALA_DINNER,
        )


class GalaAnswerForm(forms.ModelForm):
    class Meta:
        model = GalaAnswer
        fields = ["session", "delegate", "attending", "dietary_needs"]

    def clean(self):
        cleaned = super().clean()
        session = cleaned.get("session", self.instance.session if self.instance.pk else None)
        delegate = cleaned.get("delegate", self.instance.delegate if self.instance.pk else None)
        if session and delegate:
            try:
                services.check_gala_guest(session, delegate=delegate)
            except DomainError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


class DietaryNeedsFilter(admin.SimpleListFilter):
    title = _("dietary needs")
    parameter_name = "dietary"

    def lookups(self, request, model_admin):
        needs = {
            need.casefold(): need
            for need in GalaAnswer.objects.exclude(dietary_needs="")
            .values_list("dietary_needs", flat=True)
            .distinct()[:50]
        }
        return [("any", _("Any")), ("none", _("None")), *sorted(needs.items())]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return queryset.exclude(dietary_needs="")
        if self.value() == "none":
            return queryset.filter(dietary_needs="")
        if self.value():
            return queryset.filter(dietary_needs__iexact=self.value())
        return queryset


@admin.register(GalaAnswer)
class GalaAnswerAdmin(WritesThroughServices, admin.ModelAdmin):
    form = GalaAnswerForm
    list_display = [
        "delegate",
        "delegation",
        "session",
        "attending",
        "dietary_needs",
        "answered_at",
    ]
    list_filter = ["attending", DietaryNeedsFilter, ("session", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["delegate__family_name", "delegate__given_names", "dietary_needs"]
    list_select_related = ["delegate__delegation", "session"]
    autocomplete_fields = ["delegate"]

    @admin.display(description=_("delegation"), ordering="delegate__delegation")
    def delegation(self, answer):
        return answer.delegate.delegation

    def get_readonly_fields(self, request, obj=None):
        return ["session", "delegate", "answered_at"] if obj else ["answered_at"]

    def save_model(self, request, obj, form, change):
        # The service records the answer and confirms it to the delegate by e-mail.
        answer = services.answer_gala_dinner(
            obj.session,
            delegate=obj.delegate,
            attending=obj.attending,
            dietary_needs=obj.dietary_needs,
        )
        obj.pk = answer.pk

    def has_delete_permission(self, request, obj=None):
        # Regrets are an answer too: they free the seat and tell the delegate.
        return False


class GalaSeatForm(forms.ModelForm):
    class Meta:
        model = GalaSeat
        fields = ["table", "seat_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["table"].queryset = GalaTable.objects.filter(
                session_id=self.instance.session_id
            )

    def clean(self):
        cleaned = super().clean()
        table, number = cleaned.get("table"), cleaned.get("seat_number")
        if table and number:
            try:
                services.check_gala_move(self.instance, table=table, seat_number=number)
            except DomainError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


@admin.register(GalaSeat)
class GalaSeatAdmin(WritesThroughServices, admin.ModelAdmin):
    form = GalaSeatForm
    list_display = ["delegate", "table", "seat_number", "session"]
    list_filter = [("session", admin.RelatedOnlyFieldListFilter), "table__is_top_table"]
    search_fields = ["delegate__family_name", "delegate__given_names"]
    list_select_related = ["delegate", "table", "session"]
    readonly_fields = ["delegate"]

    def has_add_permission(self, request):
        # Seats are given by the seating; the console moves them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a guest leaves the plan by sending regrets, or by a new seating

    def save_model(self, request, obj, form, change):
        services.move_guest(
            GalaSeat.objects.get(pk=obj.pk), table=obj.table, seat_number=obj.seat_number
        )
