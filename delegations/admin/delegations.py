"""Delegations, their delegates, travel and portal accounts."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_history import ReadOnlyHistoryAdmin
from conference.admin_paging import KeysetPagingMixin
from conference.admin_services import WritesThroughServices
from conference.admin_translations import translated_fieldsets
from conference.files import private_file
from conference.forms import RefusesControlCharacters
from conference.models import Conference
from delegations import services
from delegations.admin.badges import IssueBadgesMixin
from delegations.admin.delegation_form import DelegationForm
from delegations.admin.invitations import InvitationInline, MessageInline
from delegations.admin.passports import PassportRevealMixin
from delegations.admin.spreadsheets import (
    DelegateSpreadsheets,
    DelegationSpreadsheets,
)
from delegations.enums import AccreditationStatus, ProtocolRank
from delegations.models import (
    Delegate,
    Delegation,
)


@admin.register(Delegation)
class DelegationAdmin(WritesThroughServices, DelegationSpreadsheets, ReadOnlyHistoryAdmin):
    list_display = [
        "display_name",
        "acronym",
        "kind",
        "conference",
        "language",
        "focal_point_email",
        "status",
        "submitted_at",
    ]
    list_filter = ["conference", "kind", "status", "language"]
    search_fields = ["name", "acronym", "country", "focal_point_name", "focal_point_email"]
    list_select_related = ["conference"]
    autocomplete_fields = ["conference"]
    # A delegation of 500 rendered 500 inline forms (2.1 s); a summary and a link to its
    # filtered delegate list do not grow with it.
    inlines = [InvitationInline, MessageInline]
    actions = ["send_invitations", "reopen_selected"]
    form = DelegationForm
    # The status changes through the services (answers, submission, accreditation, reopening).
    readonly_fields = [
        "status",
        "delegates_summary",
        "credentials_document",
        "credentials_uploaded_at",
        "submitted_at",
        "reopened_at",
    ]

    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(
            self,
            request,
            obj,
            DelegationForm,
            _("An organisation's name in each language"),
            _("Leave a language empty to show the name above."),
            extra=["translation_fr_article"],
        )

    def get_readonly_fields(self, request, obj=None):
        # A delegation does not move to another conference once it exists.
        fields = super().get_readonly_fields(request, obj)
        return ["conference", *fields] if obj else fields

    def save_model(self, request, obj, form, change):
        """`create_delegation`, or `change_delegation` with the fields typed (which readdresses
        a waiting invitation to a new focal point); the status is the services' own."""
        if change:
            services.change_delegation(obj, **form.model_values(form.changed_data))
            return
        fields = form.model_values(form.cleaned_data)
        _saved_as(obj, services.create_delegation(fields.pop("conference"), **fields))

    def delete_model(self, request, obj):
        services.remove_delegation(obj)

    def get_urls(self):
        return [
            path(
                "<id:pk>/credentials.pdf",
                self.admin_site.admin_view(self.credentials_view),
                name="delegations_delegation_credentials",
            ),
            *super().get_urls(),
        ]

    def credentials_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        delegation = get_object_or_404(Delegation, pk=pk)
        return private_file(
            delegation.credentials,
            filename=f"credentials-{delegation.pk}.pdf",
            content_type="application/pdf",
        )

    @admin.display(description=_("delegates"))
    def delegates_summary(self, delegation):
        """Counts by accreditation status in one grouped query, and a link to the list.

        Paid for by bench/large_conference.py: the change page of a delegation of 500 answers
        in 1.0 s on the loaded 2-core machine (2.1 s and 2.1 MB with 500 inline forms in the
        issue), and its query count does not grow with the delegation
        (tests/delegations/test_delegation_page.py)."""
        if delegation.pk is None:
            return self.get_empty_value_display()
        counts = dict(
            delegation.delegates.order_by()
            .values_list("accreditation_status")
            .annotate(n=Count("pk"))
        )
        labels = dict(AccreditationStatus.choices)
        summary = ", ".join(
            f"{labels.get(status, status)}: {count}" for status, count in sorted(counts.items())
        )
        url = reverse("admin:delegations_delegate_changelist")
        total = sum(counts.values())
        if total:
            link = ngettext(
                "See and edit the delegate", "See and edit the %(count)d delegates", total
            ) % {"count": total}
        else:  # not "the 0 delegates": the list, where they are added
            link = _("Open the list of delegates")
        return format_html(
            '{} <a href="{}?delegation__id__exact={}">{}</a>',
            summary or _("none yet"),
            url,
            delegation.pk,
            link,
        )

    @admin.display(description=_("note verbale or credentials letter"))
    def credentials_document(self, delegation):
        if not delegation.credentials:
            return self.get_empty_value_display()
        url = reverse("admin:delegations_delegation_credentials", args=[delegation.pk])
        # The uploader's name for the file, as text: the stored name is never shown.
        return format_html(
            '<a href="{}">{}</a> {}', url, _("Download (PDF)"), delegation.credentials_name
        )

    # Two duties share this list; each action asks for its role's permission (config/roles.py).
    def has_reopen_permission(self, request):
        return request.user.has_perm("delegations.change_delegate")

    def has_invite_permission(self, request):
        return request.user.has_perm("delegations.add_invitation")

    @admin.action(
        description=_("Reopen the registration (the focal point may edit it again)"),
        permissions=["reopen"],
    )
    def reopen_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.reopen_registration,
            done=ngettext_lazy(
                "Reopened %(count)d registration.", "Reopened %(count)d registrations.", "count"
            ),
            refused_level=messages.WARNING,
        )

    @admin.action(
        description=_("Send invitations to the selected delegations not yet invited"),
        permissions=["invite"],
    )
    def send_invitations(self, request, queryset):
        count = 0
        for conference in Conference.objects.filter(delegations__in=queryset).distinct():
            chosen = queryset.filter(conference=conference)
            count += len(services.invite_delegations(conference, delegations=chosen))
        self.message_user(
            request,
            ngettext(
                "%(count)d invitation is on its way.",
                "%(count)d invitations are on their way.",
                count,
            )
            % {"count": count},
        )

    @admin.display(description=_("delegation"), ordering="name")
    def display_name(self, delegation):
        return delegation.display_name


class RejectionForm(RefusesControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Reason, as the focal point will read it"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@admin.register(Delegate)
class DelegateAdmin(
    WritesThroughServices,
    KeysetPagingMixin,
    DelegateSpreadsheets,
    IssueBadgesMixin,
    PassportRevealMixin,
    ReadOnlyHistoryAdmin,
):
    list_display = [
        "family_name",
        "given_names",
        "function",
        "delegation",
        "role",
        "protocol_rank",
        "badge_category",
        "has_photo",
        "accreditation_status",
    ]
    list_filter = [
        "delegation__conference",
        "role",
        "protocol_rank",
        "badge_category",
        "accreditation_status",
    ]
    search_fields = ["family_name", "given_names", "email", "delegation__name", "function"]
    list_select_related = ["delegation"]
    autocomplete_fields = ["delegation"]
    exclude = ["photo"]
    readonly_fields = [
        "photo_preview",
        "masked_passport",
        "accreditation_status",
        "rejection_reason",
    ]
    actions = ["accredit_selected", "reject_selected", "issue_badges"]
    # By precedence (highest rank first), then by name: the index `delegate_precedence_keyset`
    # holds this key, so every page, the 1,000th too, is a walk of 100 index entries.
    keyset_ordering = ("precedence", "family_name", "id")

    def get_readonly_fields(self, request, obj=None):
        # A delegate moves to another delegation by being registered there.
        fields = super().get_readonly_fields(request, obj)
        return ["delegation", *fields] if obj else fields

    def save_model(self, request, obj, form, change):
        """`save_delegate_as_organiser`: the organiser's rules, not the portal's window."""
        if change:
            services.save_delegate_as_organiser(obj.delegation, delegate=obj, **_typed(form))
            return
        fields = {name: form.cleaned_data[name] for name in form.cleaned_data}
        delegation = fields.pop("delegation")
        _saved_as(obj, services.save_delegate_as_organiser(delegation, **fields))

    def delete_model(self, request, obj):
        services.remove_delegate_as_organiser(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).alias(precedence=ProtocolRank.precedence_expression())

    def get_urls(self):
        return [
            path(
                "<id:pk>/photo.jpg",
                self.admin_site.admin_view(self.photo_view),
                name="delegations_delegate_photo",
            ),
            path(
                "<id:pk>/reject/",
                self.admin_site.admin_view(self.reject_view),
                name="delegations_delegate_reject",
            ),
            path(
                "reject/",
                self.admin_site.admin_view(self.reject_view),
                name="delegations_delegate_reject_many",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("photo"), boolean=True)
    def has_photo(self, delegate):
        return bool(delegate.photo) or not delegate.photo_required

    @admin.display(description=_("passport number"))
    def masked_passport(self, delegate):
        return delegate.masked_passport or self.get_empty_value_display()

    @admin.display(description=_("photo"))
    def photo_preview(self, delegate):
        if not delegate.photo:
            return self.get_empty_value_display()
        url = reverse("admin:delegations_delegate_photo", args=[delegate.pk])
        return format_html('<img src="{}" alt="" width="160" height="200">', url)

    def photo_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        delegate = get_object_or_404(Delegate, pk=pk)
        return private_file(
            delegate.photo, filename=f"delegate-{delegate.pk}.jpg", content_type="image/jpeg"
        )

    @admin.action(description=_("Accredit"), permissions=["change"])
    def accredit_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.accredit_delegate,
            done=ngettext_lazy(
                "Accredited %(count)d delegate.", "Accredited %(count)d delegates.", "count"
            ),
            refused_level=messages.WARNING,
        )

    @admin.action(description=_("Refuse the accreditation (with a reason)"), permissions=["change"])
    def reject_selected(self, request, queryset):
        # One reason for the whole selection (for example a delegation withdrawn), on a page of
        # its own: a refusal is never made without saying why.
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return redirect(f"{reverse('admin:delegations_delegate_reject_many')}?ids={ids}")

    def reject_view(self, request, pk=None):
        if not self.has_change_permission(request):
            raise PermissionDenied
        wanted = [pk] if pk else _ids(request.GET.get("ids", ""))
        delegates = list(
            Delegate.objects.filter(pk__in=wanted).select_related("delegation").order_by("pk")
        )
        if not delegates:
            raise Http404
        form = RejectionForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            refused = apply_to_selected(
                self,
                request,
                delegates,
                lambda delegate: services.reject_delegate(delegate, reason=reason),
                done=ngettext_lazy(
                    "Refused %(count)d accreditation; the focal point is told.",
                    "Refused %(count)d accreditations; the focal points are told.",
                    "count",
                ),
                refused_level=messages.WARNING,
            )
            if refused:
                return redirect("admin:delegations_delegate_changelist")
        return TemplateResponse(
            request,
            "admin/delegations/delegate/reject.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Refuse the accreditation"),
                "delegates": delegates,
                "form": form,
            },
        )


def _ids(text):
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def _typed(form):
    """The fields the organiser changed, as the form cleaned them."""
    return {name: form.cleaned_data[name] for name in form.changed_data}


def _saved_as(obj, saved):
    """Make the form's instance the row the service created (for the log and the redirect)."""
    obj.pk = saved.pk
    obj._state.adding = False
