from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from conference.admin_actions import apply_to_selected
from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.files import pdf_download, private_file
from conference.forms import RefusesControlCharacters
from conference.local_time import medium_date
from conference.models import Conference
from sessions import services
from sessions.documents import signing as signing_documents
from sessions.models import (
    FullPowersAuthority,
    FullPowersState,
    Signatory,
)
from sessions.selectors import with_register_signature

# The signing ceremony: full powers verified, the order of signature, the signatures recorded.
# Every change goes through the services; the console only shows and calls them.


class RejectFullPowersForm(RefusesControlCharacters, forms.Form):
    # Not required here: the service refuses an empty reason, in its own words.
    reason = forms.CharField(
        label=_("Reason of the rejection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
        help_text=_("The delegation reads it in the notice."),
    )


class ApproveFullPowersForm(RefusesControlCharacters, forms.Form):
    # Not required here: the service refuses missing ones, in its own words.
    issued_by = forms.ChoiceField(
        label=_("Full powers signed by"),
        choices=[("", "—"), *FullPowersAuthority.choices],
        required=False,
    )
    issuer = forms.CharField(
        label=_("Name and title of the signer"),
        required=False,
        max_length=200,
        help_text=_("As the instrument gives them."),
    )


@admin.register(Signatory)
class SignatoryAdmin(WritesThroughServices, admin.ModelAdmin):
    change_page_read_only = True  # every step of the ceremony is an action

    list_display = [
        "slot",
        "delegation",
        "delegate",
        "full_powers_state",
        "full_powers_document",
        "original_received_at",
        "signed_at",
        "in_the_register",
    ]
    list_display_links = ["delegation"]
    list_filter = [
        "conference",
        "full_powers_state",
        ("slot", admin.EmptyFieldListFilter),
        ("signed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["delegation__name", "delegate__family_name", "delegate__given_names"]
    list_select_related = ["conference__convention", "delegation", "delegate"]
    ordering = ["conference", F("slot").asc(nulls_last=True), "pk"]
    # The file itself is left out: its widget links to the public media URL.
    fields = readonly_fields = [
        "conference",
        "delegation",
        "delegate",
        "full_powers_document",
        "full_powers_state",
        "full_powers_issued_by",
        "full_powers_issuer",
        "original_received_at",
        "original_received_by",
        "rejection_reason",
        "verified_by",
        "verified_at",
        "slot",
        "signed_at",
    ]
    actions = [
        "approve_full_powers",
        "reject_full_powers",
        "record_original_received",
        "assign_signing_order",
        "record_signature",
        "print_signing_order",
    ]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return with_register_signature(super().get_queryset(request))

    @admin.display(description=_("signature in the register"))
    def in_the_register(self, signatory):
        """The register's date, or the opening's days where the sources do not give the day: a
        signatory may be in the register without a minute in the ceremony."""
        signed_on = getattr(signatory, "register_signed_on", None)
        if signed_on is None:
            return "—"
        convention = signatory.conference.convention
        if signatory.register_day_is_verified or convention.opening_until is None:
            return medium_date(signed_on)
        return gettext("%(first)s or %(last)s (day not verified)") % {
            "first": medium_date(convention.opening_from),
            "last": medium_date(convention.opening_until),
        }

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("instrument of full powers"))
    def full_powers_document(self, signatory):
        if not signatory.full_powers:
            return "—"
        links = [(_("Download (PDF)"), "admin:programme_signatory_full_powers")]
        if signatory.full_powers_state == FullPowersState.PENDING:
            links.append((_("Approve…"), "admin:programme_signatory_approve"))
            links.append((_("Reject…"), "admin:programme_signatory_reject"))
        actions = format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            ((reverse(name, args=[signatory.pk]), label) for label, name in links),
        )
        # The uploader's name for the file, as text: the stored name is never shown.
        return format_html("{} {}", actions, signatory.full_powers_name)

    def get_urls(self):
        return [
            path(
                "<id:pk>/full-powers.pdf",
                self.admin_site.admin_view(self.full_powers_view),
                name="programme_signatory_full_powers",
            ),
            path(
                "<id:pk>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="programme_signatory_approve",
            ),
            path(
                "<id:pk>/reject/",
                self.admin_site.admin_view(self.reject_view),
                name="programme_signatory_reject",
            ),
            *super().get_urls(),
        ]

    def full_powers_view(self, request, pk):
        # Permission before lookup: a staff member without it learns nothing of what exists.
        if not self.has_view_permission(request):
            raise PermissionDenied
        signatory = get_object_or_404(Signatory.objects.select_related("delegation"), pk=pk)
        return private_file(
            signatory.full_powers,
            content_type="application/pdf",
            filename=f"full-powers-{signatory.delegation.country.code or signatory.pk}.pdf",
        )

    def reject_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        signatory = get_object_or_404(
            Signatory.objects.select_related("delegation__conference", "delegate"), pk=pk
        )
        form = RejectFullPowersForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.verify_full_powers(
                    signatory,
                    approve=False,
                    by=request.user.get_username(),
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as error:
                form.add_error("reason", error.message)
            else:
                self.message_user(
                    request,
                    _("The full powers of %(signatory)s are rejected; the delegation is told.")
                    % {"signatory": signatory},
                )
                return redirect("admin:programme_signatory_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Reject the full powers"),
            "signatory": signatory,
            "form": form,
        }
        return TemplateResponse(
            request, "admin/programme/signatory/reject_full_powers.html", context
        )

    def approve_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        signatory = get_object_or_404(
            Signatory.objects.select_related("delegation__conference", "delegate"), pk=pk
        )
        form = ApproveFullPowersForm(
            request.POST if request.method == "POST" else None,
            initial={
                "issued_by": signatory.full_powers_issued_by,
                "issuer": signatory.full_powers_issuer,
            },
        )
        if form.is_valid():
            try:
                services.verify_full_powers(
                    signatory,
                    approve=True,
                    by=request.user.get_username(),
                    issued_by=form.cleaned_data["issued_by"],
                    issuer=form.cleaned_data["issuer"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _("The full powers of %(signatory)s are approved; the delegation is told.")
                    % {"signatory": signatory},
                )
                return redirect("admin:programme_signatory_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Approve the full powers"),
            "signatory": signatory,
            "form": form,
        }
        return TemplateResponse(
            request, "admin/programme/signatory/approve_full_powers.html", context
        )

    @admin.action(
        description=_("Record that the original full powers were received"),
        permissions=["change"],
    )
    def record_original_received(self, request, queryset):
        received = 0
        for signatory in self._with_people(queryset):
            try:
                services.record_original_full_powers(signatory, by=request.user.get_username())
            except DomainError as error:
                self.message_user(request, f"{signatory}: {error.message}", messages.ERROR)
                continue
            received += 1
        self.message_user(request, _("Originals received: %(count)d.") % {"count": received})

    @admin.action(description=_("Approve the full powers"), permissions=["change"])
    def approve_full_powers(self, request, queryset):
        by = request.user.get_username()
        apply_to_selected(
            self,
            request,
            self._with_people(queryset),
            lambda signatory: services.verify_full_powers(signatory, approve=True, by=by),
            done=ngettext_lazy(
                "Full powers approved for %(count)d signatory.",
                "Full powers approved for %(count)d signatories.",
                "count",
            ),
        )

    @admin.action(description=_("Reject the full powers (with a reason)"), permissions=["change"])
    def reject_full_powers(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                _("Select one signatory: each rejection gives its own reason."),
                messages.ERROR,
            )
            return None
        return redirect("admin:programme_signatory_reject", queryset.get().pk)

    @admin.action(
        description=_("Assign the signing order (of the whole conference)"),
        permissions=["change"],
    )
    def assign_signing_order(self, request, queryset):
        for conference in Conference.objects.filter(signatories__in=queryset).distinct():
            try:
                order = services.assign_signing_slots(conference)
            except DomainError as error:
                self.message_user(request, f"{conference}: {error.message}", messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "%(conference)s: %(count)d signatory has a place in the signing order.",
                    "%(conference)s: %(count)d signatories have a place in the signing order.",
                    len(order),
                )
                % {"conference": conference, "count": len(order)},
            )

    @admin.action(description=_("Record the signature"), permissions=["change"])
    def record_signature(self, request, queryset):
        chosen = self._with_people(queryset).order_by(F("slot").asc(nulls_last=True), "pk")
        for signatory in chosen.filter(signed_at__isnull=False):
            self.message_user(
                request, _("%(signatory)s: already signed.") % {"signatory": signatory}
            )
        apply_to_selected(
            self,
            request,
            chosen.filter(signed_at__isnull=True),
            services.record_signing,
            done=ngettext_lazy(
                "%(count)d signature recorded.", "%(count)d signatures recorded.", "count"
            ),
        )

    @admin.action(
        description=_("Print the signing order of their conference (PDF)"),
        permissions=["view"],
    )
    def print_signing_order(self, request, queryset):
        conferences = list(
            Conference.objects.filter(signatories__in=queryset)
            .select_related("convention")
            .distinct()
        )
        if len(conferences) != 1:
            self.message_user(
                request, _("Select the signatories of one conference."), messages.ERROR
            )
            return None
        (conference,) = conferences
        signatories = (
            Signatory.objects.filter(conference=conference, slot__isnull=False)
            .select_related("delegation", "delegate")
            .order_by("slot")
        )
        return pdf_download(
            signing_documents.signing_order_pdf(conference, signatories),
            f"{conference.slug}-signing-order.pdf",
        )

    def _with_people(self, queryset):
        return queryset.select_related("conference", "delegation__conference", "delegate")
