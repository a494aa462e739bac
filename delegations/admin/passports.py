"""Revealing a delegate's passport number in the console: a permission of its own, asked for
with a POST (a link followed by a prefetcher reveals nothing), answered once, never cached, and
written to the security log every time."""

from cryptography.fernet import InvalidToken
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from conference.security_log import record_security_event
from delegations import passports
from delegations.models import Delegate

REVEAL_PERMISSION = "delegations.reveal_passport"


class PassportRevealMixin:
    """For the delegates' console: a "Reveal" link beside the masked number, for those who may."""

    def get_urls(self):
        return [
            path(
                "<id:pk>/passport/",
                self.admin_site.admin_view(self.reveal_passport_view),
                name="delegations_delegate_reveal_passport",
            ),
            *super().get_urls(),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not request.user.has_perm(REVEAL_PERMISSION):
            return fields
        return [("passport_with_reveal" if f == "masked_passport" else f) for f in fields]

    @admin.display(description=_("passport number"))
    def passport_with_reveal(self, delegate):
        if not delegate.passport_number_encrypted:
            return self.get_empty_value_display()
        url = reverse("admin:delegations_delegate_reveal_passport", args=[delegate.pk])
        return format_html(
            '{} <a href="{}">{}</a>', delegate.masked_passport, url, _("Reveal (recorded)")
        )

    def reveal_passport_view(self, request, pk):
        if not (self.has_view_permission(request) and request.user.has_perm(REVEAL_PERMISSION)):
            raise PermissionDenied
        delegate = get_object_or_404(Delegate.objects.select_related("delegation"), pk=pk)
        if not delegate.passport_number_encrypted:
            raise Http404
        number, unreadable = None, False
        if request.method == "POST":
            try:
                number = passports.decrypt(delegate.passport_number_encrypted)
            except InvalidToken:
                unreadable = True
            record_security_event(
                "passport_revealed",
                request=request,
                delegate=delegate.pk,
                delegation=delegate.delegation_id,
                unreadable=unreadable,
            )
        response = TemplateResponse(
            request,
            "admin/delegations/delegate/reveal_passport.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Passport number"),
                "delegate": delegate,
                "number": number,
                "unreadable": unreadable,
            },
        )
        add_never_cache_headers(response)
        return response
