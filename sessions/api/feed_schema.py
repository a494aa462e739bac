"""The shapes of the schedule feeds, for the OpenAPI schema only: the feeds are rendered once
per release by sessions.feeds, these serializers never serialize; they describe what is served,
so that generated clients parse the feeds into typed objects."""

from rest_framework import serializers

from sessions.enums import SessionKind, SessionState


class FeedRoomSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class FeedPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    function = serializers.CharField(allow_blank=True)


class FeedOrganisationSerializer(FeedPersonSerializer):
    role = serializers.ChoiceField(choices=["chair", "moderator", "speaker"])


class FeedSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    kind = serializers.ChoiceField(choices=SessionKind.choices)
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    room = FeedRoomSerializer(allow_null=True)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    languages = serializers.ListField(
        child=serializers.CharField(), help_text="Every language of the session, the floor's first."
    )
    language = serializers.CharField(help_text="The language spoken on the floor.")
    interpretation = serializers.ListField(
        child=serializers.CharField(), help_text="The languages interpreted into."
    )
    chairs = FeedPersonSerializer(many=True)
    moderators = FeedPersonSerializer(many=True)
    speakers = FeedPersonSerializer(many=True)
    organisations = FeedOrganisationSerializer(
        many=True, help_text="Organisations and offices that chair or speak: never persons."
    )
    state = serializers.ChoiceField(
        choices=[SessionState.PUBLISHED, SessionState.CANCELLED],
    )
    cancelled = serializers.BooleanField()
    illustrative = serializers.BooleanField(
        help_text="Invented for the demonstration, not taken from the public record."
    )
    url = serializers.URLField()


class FeedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    sessions = FeedSessionSerializer(many=True)


class FeedConferenceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    venue = serializers.CharField(help_text="The venue's name, in the feed's language.")
    timezone = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()


class FeedReleaseSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    published_at = serializers.DateTimeField()


class ScheduleFeedSerializer(serializers.Serializer):
    conference = FeedConferenceSerializer()
    release = FeedReleaseSerializer()
    language = serializers.CharField()
    days = FeedDaySerializer(many=True)


class FrabPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    guid = serializers.UUIDField()


class FrabEventSerializer(serializers.Serializer):
    guid = serializers.UUIDField()
    id = serializers.IntegerField()
    date = serializers.DateTimeField()
    start = serializers.CharField()
    end = serializers.DateTimeField()
    duration = serializers.CharField()
    room = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.URLField()
    title = serializers.CharField()
    subtitle = serializers.CharField(allow_blank=True)
    type = serializers.CharField()
    track = serializers.CharField()
    logo = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    abstract = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    persons = FrabPersonSerializer(many=True)
    links = serializers.ListField(child=serializers.DictField())
    attachments = serializers.ListField(child=serializers.DictField())


class FrabDaySerializer(serializers.Serializer):
    index = serializers.IntegerField()
    date = serializers.DateField()
    day_start = serializers.DateTimeField()
    day_end = serializers.DateTimeField()
    rooms = serializers.DictField(
        child=FrabEventSerializer(many=True), help_text="Events by room name."
    )


class FrabRoomSerializer(serializers.Serializer):
    name = serializers.CharField()
    guid = serializers.UUIDField()


class FrabConferenceSerializer(serializers.Serializer):
    acronym = serializers.CharField()
    title = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    daysCount = serializers.IntegerField()
    timeslot_duration = serializers.CharField()
    time_zone_name = serializers.CharField()
    url = serializers.URLField()
    rooms = FrabRoomSerializer(many=True)
    days = FrabDaySerializer(many=True)


class FrabScheduleBodySerializer(serializers.Serializer):
    version = serializers.CharField()
    base_url = serializers.URLField()
    conference = FrabConferenceSerializer()


class FrabGeneratorSerializer(serializers.Serializer):
    name = serializers.CharField()
    version = serializers.CharField()


class FrabScheduleSerializer(serializers.Serializer):
    """The frab JSON schedule (c3voc's schema); its `$schema` key is left undeclared."""

    generator = FrabGeneratorSerializer()
    schedule = FrabScheduleBodySerializer()
