"""The organisers' API: delegations, delegates, invitations and registration status.

Token or session authentication; each list and action needs the Django permission of its model
(view for reads, change for actions), so an organiser's role decides what the API shows.
Writes go through the services.
"""

from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from delegations import services
from delegations.api.serializers import (
    DelegateSerializer,
    DelegationSerializer,
    InvitationSerializer,
)
from delegations.models import Delegate, Delegation, Invitation
from delegations.selectors import delegations_with_registration


class ModelPermissions(permissions.DjangoModelPermissions):
    """Django's model permissions, with `view` required to read."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }


class DelegationFilter(filters.FilterSet):
    conference = filters.CharFilter(field_name="conference__slug")

    class Meta:
        model = Delegation
        fields = ["conference", "kind", "status", "country", "language"]


@extend_schema(tags=["organisers"])
class DelegationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DelegationSerializer
    permission_classes = [ModelPermissions]
    filterset_class = DelegationFilter
    queryset = Delegation.objects.none()  # for the permissions' model; see get_queryset

    def get_queryset(self):
        return delegations_with_registration()

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


class DelegateFilter(filters.FilterSet):
    # A number, not a choice: an unknown delegation gives an empty list, not an error.
    delegation = filters.NumberFilter(field_name="delegation_id")

    class Meta:
        model = Delegate
        fields = ["delegation", "role", "protocol_rank", "accreditation_status"]


class InvitationFilter(filters.FilterSet):
    delegation = filters.NumberFilter(field_name="delegation_id")

    class Meta:
        model = Invitation
        fields = ["delegation", "state"]


@extend_schema(tags=["organisers"])
class DelegateViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DelegateSerializer
    permission_classes = [ModelPermissions]
    queryset = Delegate.objects.select_related("delegation").order_by("pk")
    filterset_class = DelegateFilter


@extend_schema(tags=["organisers"])
class InvitationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InvitationSerializer
    permission_classes = [ModelPermissions]
    queryset = Invitation.objects.order_by("-pk")
    filterset_class = InvitationFilter

    @extend_schema(request=None, responses={200: InvitationSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def revoke(self, request, pk=None):
        return self._apply(services.revoke_invitation)

    @extend_schema(request=None, responses={200: InvitationSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def resend(self, request, pk=None):
        return self._apply(services.resend_invitation)

    def _apply(self, service):
        if not self.request.user.has_perm("delegations.change_invitation"):
            self.permission_denied(self.request)
        return Response(InvitationSerializer(service(self.get_object())).data)

    def get_object(self):
        # Actions are checked against change_invitation above, not the viewset's model perms.
        return get_object_or_404(Invitation, pk=self.kwargs["pk"])
