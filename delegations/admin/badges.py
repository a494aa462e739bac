"""Badges: the list, printing (PDF) and revocation with a reason. Issuing is an action on the
delegates (delegations.py), since one issues badges to people."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_history import ReadOnlyHistoryAdmin
from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from delegations import services
from delegations.admin.jobs import start_job
from delegations.documents.badges import A4_SHEET, A6_PAGE, ID1
from delegations.errors import BadgeAlreadyIssued
from delegations.models import Badge, BadgeState, JobKind


class RevocationForm(RefusesControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Reason, kept on each badge's record"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PrintBadgesMixin:
    """The actions that print badges as a PDF job, for the badges' list and for the lists whose
    rows hold badges (the press office's journalists): `badges_to_print` maps the selection to
    its badges."""

    def badges_to_print(self, queryset):
        return queryset

    @admin.action(description=_("Print badges (PDF, ID-1 cards)"), permissions=["print"])
    def print_id1(self, request, queryset):
        return self._print(request, queryset, ID1)

    @admin.action(description=_("Print badges (PDF, A6)"), permissions=["print"])
    def print_a6(self, request, queryset):
        return self._print(request, queryset, A6_PAGE)

    @admin.action(description=_("Print badges (PDF, 8 per A4 sheet)"), permissions=["print"])
    def print_sheet(self, request, queryset):
        return self._print(request, queryset, A4_SHEET)

    def has_print_permission(self, request):
        return request.user.has_perm("delegations.print_badge")

    def _print(self, request, queryset, layout):
        """Printing runs as a job: 10,000 badges take minutes, far past a request's timeout."""
        badges = self.badges_to_print(queryset)
        skipped = badges.exclude(state=BadgeState.ACTIVE).count()
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d revoked badge was left out: a revoked badge is never printed.",
                    "%(count)d revoked badges were left out: a revoked badge is never printed.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
        if not badges.filter(state=BadgeState.ACTIVE).exists():
            if not skipped:  # journalists not accredited yet hold none
                self.message_user(
                    request, _("None of the selection holds a badge to print."), messages.WARNING
                )
            return None
        # The job keeps this list's selection and reads its badges again when it runs.
        return start_job(self, request, queryset, kind=JobKind.BADGES_PDF, variant=layout)

    def rows_for_job(self, queryset):
        """The badges a print job reads from this list's selection (see `selected_rows`)."""
        return self.badges_to_print(queryset)


@admin.register(Badge)
class BadgeAdmin(PrintBadgesMixin, WritesThroughServices, ReadOnlyHistoryAdmin):
    change_page_read_only = True

    list_display = [
        "number",
        "holder",
        "delegation",
        "category",
        "colour",
        "state",
        "printed_at",
    ]
    list_filter = [
        "conference",
        "state",
        "colour",
        "category",
        ("printed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = [
        "number",
        "delegate__family_name",
        "delegate__given_names",
        "delegate__delegation__name",
        "delegate__delegation__acronym",
        "delegate__delegation__country",
        "journalist__family_name",
        "journalist__given_names",
        "journalist__outlet__name",
    ]
    list_select_related = ["delegate__delegation", "journalist__outlet"]
    # Badges are issued, revoked and printed through the services only.
    readonly_fields = [
        "conference",
        "delegate",
        "journalist",
        "number",
        "category",
        "colour",
        "zones",
        "state",
        "issued_at",
        "printed_at",
        "revoked_at",
        "revocation_reason",
    ]
    actions = ["print_id1", "print_a6", "print_sheet", "revoke_selected"]

    def has_add_permission(self, request):
        return False  # issued from the delegates' list

    def has_delete_permission(self, request, obj=None):
        return False  # revoked by the action, which the doors hear of

    def get_urls(self):
        return [
            path(
                "revoke/",
                self.admin_site.admin_view(self.revoke_view),
                name="delegations_badge_revoke",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("holder"))
    def holder(self, badge):
        return badge.holder

    @admin.display(description=_("delegation or outlet"), ordering="delegate__delegation")
    def delegation(self, badge):
        return badge.holder_organisation

    @admin.action(description=_("Revoke (with a reason)"), permissions=["change"])
    def revoke_selected(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return redirect(f"{reverse('admin:delegations_badge_revoke')}?ids={ids}")

    def revoke_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        ids = [int(pk) for pk in request.GET.get("ids", "").split(",") if pk.isdigit()]
        badges = list(
            Badge.objects.filter(pk__in=ids, state=BadgeState.ACTIVE).select_related(
                "delegate__delegation", "journalist__outlet"
            )
        )
        form = RevocationForm(request.POST if request.method == "POST" else None)
        if badges and form.is_valid():
            reason = form.cleaned_data["reason"]
            apply_to_selected(
                self,
                request,
                badges,
                lambda badge: services.revoke_badge(badge, reason=reason),
                done=ngettext_lazy(
                    "Revoked %(count)d badge.", "Revoked %(count)d badges.", "count"
                ),
                refused_level=messages.WARNING,
            )
            return redirect("admin:delegations_badge_changelist")
        return TemplateResponse(
            request,
            "admin/delegations/badge/revoke.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Revoke badges"),
                "badges": badges,
                "form": form,
            },
        )


class IssueBadgesMixin:
    """The delegates' action that issues badges; mixed into the delegate admin."""

    def has_issue_badge_permission(self, request):
        return request.user.has_perm("delegations.add_badge")

    @admin.action(description=_("Issue badges (accredited delegates)"), permissions=["issue_badge"])
    def issue_badges(self, request, queryset):
        issued = held = 0
        for delegate in queryset:
            try:
                services.issue_badge(delegate)
                issued += 1
            except BadgeAlreadyIssued:
                held += 1
            except DomainError as error:
                self.message_user(request, f"{delegate}: {error.message}", messages.WARNING)
        self.message_user(
            request,
            ngettext("Issued %(issued)d badge.", "Issued %(issued)d badges.", issued)
            % {"issued": issued}
            + " "
            + ngettext(
                "%(held)d delegate already held a valid one.",
                "%(held)d delegates already held a valid one.",
                held,
            )
            % {"held": held},
        )
