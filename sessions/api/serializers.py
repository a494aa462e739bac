from rest_framework import serializers

from sessions.enums import SessionKind
from sessions.models import ScheduleRelease


class FeedFilters(serializers.Serializer):
    """Query parameters of every schedule feed."""

    day = serializers.DateField(required=False, help_text="Only this day (YYYY-MM-DD).")
    kind = serializers.ChoiceField(
        choices=SessionKind.choices, required=False, help_text="Only sessions of this kind."
    )
    room = serializers.IntegerField(required=False, min_value=1, help_text="Only this room (id).")
    language = serializers.RegexField(
        r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$",
        required=False,
        max_length=16,
        help_text="Only sessions interpreted in this language (a language code such as fr).",
    )
    lang = serializers.CharField(
        required=False,
        max_length=16,
        help_text=(
            "Language of titles and descriptions, one of the site's languages; any other falls "
            "back to Accept-Language. The response's Content-Language names the one served."
        ),
    )


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
