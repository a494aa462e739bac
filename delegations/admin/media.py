"""Media accreditation in the console: the press office reviews the journalists' applications
within their outlets' quotas."""

from functools import partial

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_services import ReferenceDataAdmin, WritesThroughServices
from conference.files import private_file
from conference.forms import RefusesControlCharacters
from delegations import services
from delegations.admin.badges import PrintBadgesMixin
from delegations.enums import MediaState
from delegations.models import Badge, MediaApplication, MediaOutlet


@admin.register(MediaOutlet)
class MediaOutletAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["name", "country", "conference", "quota", "accredited"]
    list_filter = ["conference"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("conference")
            .annotate(
                accredited_total=Count(
                    "applications", filter=Q(applications__state=MediaState.ACCREDITED)
                )
            )
        )

    @admin.display(description=_("accredited"), ordering="accredited_total")
    def accredited(self, outlet):
        return outlet.accredited_total


class RefuseForm(RefusesControlCharacters, forms.Form):
    reason = forms.CharField(label=_("Reason of the refusal"), widget=forms.Textarea)


class ReissueForm(RefusesControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Why a new badge"),
        max_length=300,
        help_text=_("Kept on the old badge, which the doors refuse from now on."),
    )


@admin.register(MediaApplication)
class MediaApplicationAdmin(PrintBadgesMixin, WritesThroughServices, admin.ModelAdmin):
    """Read here; accredited or refused by the actions, which tell the journalist."""

    change_page_read_only = True

    list_display = [
        "family_name",
        "given_names",
        "outlet",
        "role",
        "state",
        "badge_number",
        "submitted_at",
        "files",
    ]
    list_filter = ["conference", "state", "role"]
    search_fields = ["family_name", "given_names", "email", "outlet__name", "badge_number"]
    list_select_related = ["outlet", "conference"]
    exclude = ["user", "photo", "press_card"]
    readonly_fields = [
        "conference",
        "outlet",
        "family_name",
        "given_names",
        "email",
        "nationality",
        "role",
        "press_card_number",
        "equipment",
        "language",
        "state",
        "badge_number",
        "zones",
        "reason",
        "submitted_at",
        "reviewed_at",
    ]
    actions = [
        "accredit_selected",
        "refuse_selected",
        "reissue_badges",
        "print_id1",
        "print_a6",
        "print_sheet",
    ]

    def has_add_permission(self, request):
        return False  # journalists apply on the public form

    def badges_to_print(self, queryset):
        """The yellow badges of the selected journalists (issued when they were accredited)."""
        return Badge.objects.filter(journalist__in=queryset.values("pk"))

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<id:pk>/photo/",
                self.admin_site.admin_view(self.photo_view),
                name="delegations_mediaapplication_photo",
            ),
            path(
                "<id:pk>/press-card/",
                self.admin_site.admin_view(self.press_card_view),
                name="delegations_mediaapplication_press_card",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("files"))
    def files(self, application):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> {}',
            reverse("admin:delegations_mediaapplication_photo", args=[application.pk]),
            _("photo"),
            reverse("admin:delegations_mediaapplication_press_card", args=[application.pk]),
            _("press card"),
            application.press_card_name,
        )

    def photo_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        application = get_object_or_404(MediaApplication, pk=pk)
        return private_file(application.photo, content_type="image/jpeg")

    def press_card_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        application = get_object_or_404(MediaApplication, pk=pk)
        return private_file(
            application.press_card,
            content_type="application/pdf",
            filename=f"press-card-{application.pk}.pdf",
        )

    @admin.action(description=_("Accredit the selected journalists"), permissions=["change"])
    def accredit_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset.filter(state=MediaState.SUBMITTED),
            services.accredit_journalist,
            done=ngettext_lazy(
                "%(count)d journalist accredited.", "%(count)d journalists accredited.", "count"
            ),
        )

    @admin.action(description=_("Refuse the selected journalists"), permissions=["change"])
    def refuse_selected(self, request, queryset):
        form = RefuseForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            apply_to_selected(
                self,
                request,
                queryset,
                partial(services.refuse_journalist, reason=form.cleaned_data["reason"]),
                done=ngettext_lazy(
                    "%(count)d journalist refused.", "%(count)d journalists refused.", "count"
                ),
            )
            return redirect("admin:delegations_mediaapplication_changelist")
        return TemplateResponse(
            request,
            "admin/delegations/mediaapplication/refuse.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Refuse media accreditation"),
                "form": form,
                "applications": queryset,
            },
        )

    @admin.action(
        description=_("Reissue the badges (lost, damaged or revoked cards)"),
        permissions=["change"],
    )
    def reissue_badges(self, request, queryset):
        applications = queryset.filter(state=MediaState.ACCREDITED).select_related("outlet")
        form = ReissueForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            apply_to_selected(
                self,
                request,
                applications,
                partial(services.reissue_media_badge, reason=form.cleaned_data["reason"]),
                done=ngettext_lazy(
                    "%(count)d new press badge issued; the old one no longer opens a door.",
                    "%(count)d new press badges issued; the old ones no longer open a door.",
                    "count",
                ),
            )
            return redirect("admin:delegations_mediaapplication_changelist")
        return TemplateResponse(
            request,
            "admin/delegations/mediaapplication/reissue.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Reissue press badges"),
                "form": form,
                "applications": applications,
            },
        )
