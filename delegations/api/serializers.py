from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from delegations.models import Delegate, Delegation, Invitation


class DelegateSerializer(serializers.ModelSerializer):
    # Never the number itself: the API shows what the portal shows.
    passport = serializers.CharField(
        source="masked_passport", read_only=True, help_text="Masked, for example ••••1234."
    )

    class Meta:
        model = Delegate
        fields = [
            "id",
            "delegation",
            "title",
            "family_name",
            "given_names",
            "function",
            "role",
            "protocol_rank",
            "email",
            "badge_category",
            "passport",
            "accreditation_status",
        ]


class DelegationSerializer(CountryFieldMixin, serializers.ModelSerializer):
    conference = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    registration = serializers.SerializerMethodField()

    class Meta:
        model = Delegation
        fields = [
            "id",
            "conference",
            "kind",
            "country",
            "name",
            "acronym",
            "language",
            "focal_point_name",
            "focal_point_email",
            "status",
            "registration",
        ]

    def get_registration(self, delegation) -> dict:
        """Delegates by accreditation status (annotated by the view's queryset)."""
        return {
            "delegates": delegation.delegate_count,
            "accredited": delegation.accredited_count,
            "pending": delegation.pending_count,
            "rejected": delegation.rejected_count,
        }


class InvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        fields = [
            "id",
            "delegation",
            "email",
            "state",
            "expires_at",
            "sent_at",
            "opened_at",
            "answered_at",
            "reminders_sent",
            "next_reminder_at",
        ]
