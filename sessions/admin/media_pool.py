"""The media pools of restricted events: the press office gives and frees their places."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from conference.admin_services import ReferenceDataAdmin
from conference.errors import DomainError
from delegations.enums import MediaState
from delegations.models import MediaApplication
from sessions import services
from sessions.models import MediaPool, PoolPlace


class PlaceForm(forms.Form):
    journalist = forms.ModelChoiceField(MediaApplication.objects.none(), label=_("Journalist"))

    def __init__(self, pool, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["journalist"].queryset = MediaApplication.objects.filter(
            conference_id=pool.session.conference_id, state=MediaState.ACCREDITED
        ).select_related("outlet")


@admin.register(MediaPool)
class MediaPoolAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["session", "places", "taken", "holders_link"]
    list_filter = ["session__conference"]
    autocomplete_fields = ["session"]

    def get_urls(self):
        return [
            path(
                "<id:pk>/holders/",
                self.admin_site.admin_view(self.holders_view),
                name="programme_mediapool_holders",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("taken"))
    def taken(self, pool):
        return pool.holders.count()

    @admin.display(description=_("names"))
    def holders_link(self, pool):
        url = reverse("admin:programme_mediapool_holders", args=[pool.pk])
        return format_html('<a href="{}">{}</a>', url, _("Places and names"))

    def holders_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        pool = get_object_or_404(MediaPool.objects.select_related("session"), pk=pk)
        form = PlaceForm(pool, request.POST if "journalist" in request.POST else None)
        if request.method == "POST":
            release = request.POST.get("release")
            needed = "programme.delete_poolplace" if release else "programme.add_poolplace"
            if not request.user.has_perm(needed):
                raise PermissionDenied
            if release:
                services.release_pool_place(get_object_or_404(pool.holders, pk=release))
                return redirect(request.path)
            if form.is_valid():
                try:
                    services.assign_pool_place(pool, form.cleaned_data["journalist"])
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The place is given and the journalist told."))
                    return redirect(request.path)
        return TemplateResponse(
            request,
            "admin/programme/mediapool/holders.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Media pool: %(session)s") % {"session": pool.session},
                "pool": pool,
                "holders": PoolPlace.objects.filter(pool=pool).select_related("journalist__outlet"),
                "form": form,
            },
        )
