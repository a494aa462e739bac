"""The organisers' API: delegations, delegates, invitations and registration status.

Token or session authentication; each list and action needs the Django permission of its model
(view for reads, change for actions), so an organiser's role decides what the API shows.
A focal point's token reads its own delegations only: every query is then narrowed to them, so
another delegation's objects are simply not found. Writes go through the services.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from conference.api_params import DATABASE_INTEGER_MAX
from delegations import services
from delegations.api.serializers import (
    DelegateSerializer,
    DelegationSerializer,
    InvitationSerializer,
)
from delegations.errors import InvitationNotOpen, InvitationUnavailable
from delegations.models import Delegate, Delegation, Invitation
from delegations.selectors import delegations_with_registration

# Ids in paths are digits: anything else is a 404 from the URLs, never a 500 from int().
ID_PATTERN = r"[0-9]{1,18}"  # as the `<id:...>` converter of the pages (conference.converters)
MAX_ID = DATABASE_INTEGER_MAX
NOT_OPEN = OpenApiResponse(
    response={"$ref": "#/components/schemas/ApiError"},
    description="Revoked, expired or already answered (`invitation_not_open`).",
)


class ModelPermissions(permissions.DjangoModelPermissions):
    """Django's model permissions, with `view` required to read."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }


class OrganiserOrFocalPoint(ModelPermissions):
    """Organisers by their model permissions; a focal point may read, its own delegation only
    (the view narrows the queryset)."""

    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        return (
            request.method in permissions.SAFE_METHODS
            and request.user.is_authenticated
            and request.user.portal_accounts.exists()
        )


class ScopedToFocalPoint:
    """Narrows the queryset to the focal point's delegations unless the caller may read all."""

    delegation_field = "delegation_id"

    def scope(self, queryset):
        model = queryset.model._meta
        if self.request.user.has_perm(f"{model.app_label}.view_{model.model_name}"):
            return queryset
        own = self.request.user.portal_accounts.values("delegation_id")
        return queryset.filter(**{f"{self.delegation_field}__in": own})


class StrictFilterSet(filters.FilterSet):
    """django-filter reads an empty parameter as no filter; the API refuses it instead, as the
    schema's enums and patterns say, so that a client's mistake does not list everything."""

    def is_valid(self):
        valid = super().is_valid()
        for name, given in self.filters.items():
            # Free text may be empty (the schema allows it); choices and ids may not.
            if type(given) is not filters.CharFilter and self.data.get(name, None) == "":
                self.form.add_error(name, _("Give a value, or leave the parameter out."))
                valid = False
        return valid


class DelegationFilter(StrictFilterSet):
    conference = filters.CharFilter(field_name="conference__slug")

    class Meta:
        model = Delegation
        fields = ["conference", "kind", "status", "country", "language"]


@extend_schema(tags=["organisers"])
class DelegationViewSet(ScopedToFocalPoint, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = DelegationSerializer
    permission_classes = [OrganiserOrFocalPoint]
    filterset_class = DelegationFilter
    queryset = Delegation.objects.none()  # for the permissions' model; see get_queryset
    delegation_field = "pk"

    def get_queryset(self):
        return self.scope(delegations_with_registration())

    @extend_schema(request=None, responses={201: InvitationSerializer, 200: InvitationSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def invite(self, request, pk=None):
        """Invite this delegation (once: a delegation already invited gets its invitation)."""
        if not request.user.has_perm("delegations.add_invitation"):
            self.permission_denied(request)
        delegation = get_object_or_404(Delegation, pk=pk)
        created = services.invite_delegations(delegation.conference, delegations=[delegation])
        invitation = created[0] if created else delegation.invitations.order_by("-pk").first()
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(InvitationSerializer(invitation).data, status=code)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    """A row's id: a whole number within the database's range (the schema says so too)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class DelegateFilter(StrictFilterSet):
    # A number, not a choice: an unknown delegation gives an empty list, not an error.
    delegation = IdFilter(field_name="delegation_id")

    class Meta:
        model = Delegate
        fields = ["delegation", "role", "protocol_rank", "accreditation_status"]


class InvitationFilter(StrictFilterSet):
    delegation = IdFilter(field_name="delegation_id")

    class Meta:
        model = Invitation
        fields = ["delegation", "state"]


@extend_schema(tags=["organisers"])
class DelegateViewSet(ScopedToFocalPoint, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = DelegateSerializer
    permission_classes = [OrganiserOrFocalPoint]
    queryset = Delegate.objects.select_related("delegation").order_by("pk")
    filterset_class = DelegateFilter

    def get_queryset(self):
        return self.scope(super().get_queryset())


@extend_schema(tags=["organisers"])
class InvitationViewSet(ScopedToFocalPoint, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = InvitationSerializer
    permission_classes = [OrganiserOrFocalPoint]
    queryset = Invitation.objects.order_by("-pk")
    filterset_class = InvitationFilter

    def get_queryset(self):
        return self.scope(super().get_queryset())

    @extend_schema(request=None, responses={200: InvitationSerializer, 409: NOT_OPEN})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def revoke(self, request, pk=None):
        return self._apply(services.revoke_invitation)

    @extend_schema(request=None, responses={200: InvitationSerializer, 409: NOT_OPEN})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def resend(self, request, pk=None):
        return self._apply(services.resend_invitation)

    def _apply(self, service):
        if not self.request.user.has_perm("delegations.change_invitation"):
            self.permission_denied(self.request)
        try:
            invitation = service(self.get_object())
        except InvitationUnavailable as error:
            raise InvitationNotOpen() from error
        return Response(InvitationSerializer(invitation).data)

    def get_object(self):
        # Actions are checked against change_invitation above, not the viewset's model perms.
        return get_object_or_404(Invitation, pk=self.kwargs["pk"])
