from rest_framework import serializers

from sessions.enums import SessionKind
from sessions.models import ScheduleRelease

# A language code as the programme writes them: "en", "zh", "pt-BR".
LANGUAGE_CODE = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$"


class FeedFilters(serializers.Serializer):
    """Query parameters of every schedule feed."""

    day = serializers.DateField(required=False, help_text="Only this day (YYYY-MM-DD).")
    kind = serializers.ChoiceField(
        choices=SessionKind.choices, required=False, help_text="Only sessions of this kind."
    )
    room = serializers.IntegerField(required=False, min_value=1, help_text="Only this room (id).")
    language = serializers.RegexField(
        LANGUAGE_CODE,
        required=False,
        max_length=10,
        help_text="Only sessions interpreted in this language.",
    )
    lang = serializers.RegexField(
        LANGUAGE_CODE,
        required=False,
        allow_blank=True,  # empty: Accept-Language decides
        max_length=10,
        help_text=(
            "Language of titles and descriptions, one of the site's languages; any other falls "
            "back to Accept-Language. The response's Content-Language names the one served."
        ),
    )

    def to_internal_value(self, data):
        # DRF reads an empty query parameter as an absent one; a filter given empty is a
        # mistake to report, as the schema's minLength says, not a silent "no filter".
        blank = {
            name: [serializers.CharField.default_error_messages["blank"]]
            for name, field in self.fields.items()
            if not getattr(field, "allow_blank", False) and data.get(name, None) == ""
        }
        if blank:
            raise serializers.ValidationError(blank)
        return super().to_internal_value(data)


class ReleaseSerializer(serializers.ModelSerializer):
    sessions = serializers.SerializerMethodField()
    changes = serializers.SerializerMethodField()

    class Meta:
        model = ScheduleRelease
        fields = ["number", "published_at", "notes", "sessions", "changes"]

    def get_sessions(self, release) -> int:
        return len(release.sessions)

    def get_changes(self, release) -> dict:
        return {kind: len(entries) for kind, entries in release.changes.items()}


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    old_starts_at = serializers.DateTimeField(allow_null=True)
    old_ends_at = serializers.DateTimeField(allow_null=True)
    old_room = serializers.CharField(allow_null=True)
    new_starts_at = serializers.DateTimeField(allow_null=True)
    new_ends_at = serializers.DateTimeField(allow_null=True)
    new_room = serializers.CharField(allow_null=True)


class ChangesSerializer(serializers.Serializer):
    from_release = serializers.IntegerField(allow_null=True)
    to_release = serializers.IntegerField()
    new = ChangeSerializer(many=True)
    moved = ChangeSerializer(many=True)
    cancelled = ChangeSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    """The one shape of every error of the API."""

    class Body(serializers.Serializer):
        code = serializers.CharField()
        message = serializers.CharField()
        details = serializers.DictField()

    error = Body()
