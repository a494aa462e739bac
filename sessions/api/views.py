"""The public schedule feeds and their releases. Thin: the work is in sessions.feeds.

Every feed is served from the latest release: one query finds it; the rendered bytes are cached
per release, format, language and filters; a conditional GET is answered 304 from the ETag and
Last-Modified of the release before anything is rendered.
"""

import contextlib
import hashlib
from datetime import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conference.replica import reads_from_replica
from sessions.api.feed_schema import (
    FeedSessionSerializer,
    FrabScheduleSerializer,
    ScheduleFeedSerializer,
)
from sessions.api.serializers import (
    ChangesSerializer,
    ErrorSerializer,
    FeedFilters,
    ReleaseSerializer,
)
from sessions.errors import NoRelease
from sessions.feeds import cache as feed_cache
from sessions.feeds import frab, render
from sessions.feeds.personal import agenda_calendar
from sessions.feeds.snapshot import compare
from sessions.models import ScheduleRelease
from sessions.selectors import delegate_by_agenda_token, latest_release

# Browsers and proxies may keep a feed this long; a new release is seen within a minute.
MAX_AGE_SECONDS = 60

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid filter."),
    404: OpenApiResponse(ErrorSerializer, description="Unknown conference, or nothing released."),
}


class AnyAcceptNegotiation(DefaultContentNegotiation):
    """Feeds answer in their own format whatever the Accept header says (a calendar asks for
    text/calendar, a frab reader for XML); only an error falls back to the API's JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type


class FeedView(APIView):
    content_negotiation_class = AnyAcceptNegotiation
    authentication_classes = []
    permission_classes = [AllowAny]
    format_name = None
    content_type = None
    alternative_content_types = ()
    renderer = None

    def get(self, request, slug):
        pointer = feed_cache.latest_pointer(slug)
        if pointer is None:
            raise NoRelease()
        release_id, _, last_modified = pointer
        options = self._options(request)
        language = feed_cache.served_language(options.pop("lang", None), request.LANGUAGE_CODE)
        key = feed_cache.feed_key(release_id, self.format_name, language, options)
        etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified)
        )
        if not_modified is not None:
            return self._headers(not_modified, etag, last_modified)
        body = feed_cache.rendered(key)
        if body is None:
            with render.cycle_collection_paused():
                body = self._render(release_id, options, language)
            feed_cache.store(key, body)
        response = HttpResponse(body, content_type=self._content_type(request))
        response["Content-Language"] = language
        return self._headers(response, etag, last_modified)

    def _render(self, release_id, options, language):
        """A cold render, from the read replica. The warm-up task renders each release on the
        primary as soon as it is published (sessions/feeds/warm.py), so a reader meets a cold
        feed only after an eviction, long after the replica caught up; a release the replica
        does not hold yet is read from the primary. A release carries its sessions frozen in its
        own row, so the release found on the replica is the whole of it."""
        for replica in (True, False):
            with reads_from_replica() if replica else contextlib.nullcontext():
                release = (
                    ScheduleRelease.objects.select_related("conference__venue")
                    .filter(pk=release_id)
                    .first()
                )
                if release is not None:
                    chosen = render.select_sessions(release, **options)
                    return type(self).renderer(release, chosen, language=language)
        raise NoRelease()

    def _content_type(self, request):
        """The feed's media type, or an alternative one the client asked for by name."""
        accept = request.headers.get("Accept", "")
        for alternative in self.alternative_content_types:
            if alternative.split(";")[0] in accept:
                return alternative
        return self.content_type

    def _options(self, request):
        if not request.GET:
            return {}  # the common case: no filters to validate
        filters = FeedFilters(data=request.GET)
        filters.is_valid(raise_exception=True)
        options = dict(filters.validated_data)
        if "day" in options:
            options["day"] = options["day"].isoformat()
        return options

    def _headers(self, response, etag, last_modified):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
        patch_vary_headers(response, ["Accept-Language"])
        return response


NOT_MODIFIED = OpenApiResponse(description="Not modified since the ETag or date given.")


def _feed(name, renderer, content_type, summary, body, *, alternatives=()):
    view = type(
        f"{name.title().replace('_', '')}FeedView",
        (FeedView,),
        {
            "format_name": name,
            "renderer": staticmethod(renderer),
            "content_type": content_type,
            "alternative_content_types": alternatives,
        },
    )
    media_types = [content_type.split(";")[0], *(a.split(";")[0] for a in alternatives)]
    return extend_schema(
        summary=summary,
        parameters=[FeedFilters],
        responses={
            **{(200, media_type): body for media_type in media_types},
            304: NOT_MODIFIED,
            **ERRORS,
        },
        tags=["schedule"],
    )(view)


ScheduleJSONView = _feed(
    "json",
    render.render_json,
    "application/json",
    "The programme as JSON (latest release)",
    ScheduleFeedSerializer,
)
ScheduleFrabXMLView = _feed(
    "frab_xml",
    frab.render_frab_xml,
    "application/xml; charset=utf-8",
    "The programme in the frab XML format (Giggity, ConfClerk, EventFahrplan)",
    OpenApiTypes.STR,
    alternatives=(f"{frab.FRAB_XML_MEDIA_TYPE}; charset=utf-8",),
)
ScheduleFrabJSONView = _feed(
    "frab_json",
    frab.render_frab_json,
    "application/json",
    "The programme as frab JSON",
    FrabScheduleSerializer,
)
ScheduleICalView = _feed(
    "ical",
    render.render_ical,
    "text/calendar; charset=utf-8",
    "The programme as iCalendar",
    OpenApiTypes.STR,
)


@extend_schema(tags=["schedule"], responses={200: ReleaseSerializer(many=True), **ERRORS})
class ReleaseListView(generics.ListAPIView):
    """The releases of the programme, newest first."""

    serializer_class = ReleaseSerializer
    queryset = ScheduleRelease.objects.none()  # for the schema; get_queryset filters
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        releases = ScheduleRelease.objects.filter(conference__slug=self.kwargs["slug"])
        if not releases.exists():
            raise NoRelease()
        return releases.order_by("-number")


@extend_schema(
    tags=["schedule"],
    parameters=[
        OpenApiParameter(
            "from",
            {"type": "integer", "minimum": 1},
            description="Release number (default: the one before).",
        ),
        OpenApiParameter(
            "to",
            {"type": "integer", "minimum": 1},
            description="Release number (default: the latest).",
        ),
    ],
    responses={200: ChangesSerializer, **ERRORS},
)
class ChangesView(APIView):
    """New, moved and cancelled sessions between two releases (by default the latest and the
    one before): `?from=N&to=M`."""

    permission_classes = [AllowAny]

    def get(self, request, slug):
        releases = ScheduleRelease.objects.filter(conference__slug=slug)
        latest = releases.order_by("-number").first()
        if latest is None:
            raise NoRelease()
        to_number = _number(request, "to", default=latest.number)
        from_number = _number(request, "from", default=to_number - 1)
        target = releases.select_related("conference").filter(number=to_number).first()
        if target is None:
            raise Http404
        source = releases.filter(number=from_number).first()
        changes = {
            kind: [_with_datetimes(entry) for entry in entries]
            for kind, entries in compare(source.sessions if source else [], target.sessions).items()
        }
        data = {"from_release": source.number if source else None, "to_release": to_number}
        with timezone.override(target.conference.tzinfo):  # times as the conference lives them
            return Response(ChangesSerializer({**data, **changes}).data)


def _with_datetimes(change):
    return {
        key: datetime.fromisoformat(value) if key.endswith("_at") and value else value
        for key, value in change.items()
    }


def _number(request, name, *, default):
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        return serializers.IntegerField(min_value=1).run_validation(value)
    except serializers.ValidationError as error:
        raise serializers.ValidationError({name: error.detail}) from error


@extend_schema(
    tags=["schedule"],
    parameters=[
        OpenApiParameter(
            "lang", str, description="Language of titles and descriptions (else Accept-Language)."
        )
    ],
    responses={200: FeedSessionSerializer, **ERRORS},
)
class SessionDetailView(APIView):
    """One session of the latest release, as the JSON feed shows it."""

    permission_classes = [AllowAny]

    def get(self, request, slug, session_id):
        release = latest_release(slug, with_content=True)
        if release is None:
            raise NoRelease()
        entry = next((e for e in release.sessions if e["id"] == session_id), None)
        if entry is None:
            raise Http404
        language = feed_cache.served_language(
            request.query_params.get("lang"), request.LANGUAGE_CODE
        )
        response = Response(render.json_session(entry, release.conference, language))
        response["Content-Language"] = language
        return response


@extend_schema(
    tags=["schedule"],
    summary="A delegate's personal agenda (secret address)",
    responses={(200, "text/calendar"): OpenApiTypes.STR, 304: NOT_MODIFIED, 404: ERRORS[404]},
)
class AgendaView(APIView):
    """The sessions one delegate attends, as iCalendar, at a secret address the delegate
    received; an unknown or revoked address is a 404. A calendar polling with the ETag or the
    date it last saw gets a 304 while nothing changed."""

    content_negotiation_class = AnyAcceptNegotiation
    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, token):
        delegate = delegate_by_agenda_token(token)
        if delegate is None:
            raise Http404
        body, changed_at = agenda_calendar(delegate)
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        last_modified = int(changed_at.timestamp()) if changed_at else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, private=True, no_cache=True)
        return response
