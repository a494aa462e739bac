"""The general debate's speakers' list, public: JSON for apps and the press, CSV and PDF for the
chair."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conference.files import pdf_download
from conference.models import Conference
from conference.text import spreadsheet_cell
from sessions.documents.speakers import speakers_list_pdf
from sessions.enums import SessionKind, SessionState
from sessions.models import Session
from sessions.selectors import running_order


class SpeakerSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    delegation = serializers.CharField()
    speaker = serializers.CharField()
    function = serializers.CharField()
    minutes = serializers.IntegerField()
    expected_at = serializers.DateTimeField(allow_null=True)


class StatementSerializer(SpeakerSerializer):
    order = serializers.IntegerField(allow_null=True, help_text="The place on the list.")
    kind = serializers.ChoiceField(
        choices=["opening", "list", "reply"],
        help_text="An opening statement of a chair or principal, the list, a right of reply.",
    )
    started_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)


def _rows(conference, *, statements=None):
    """The list's speakers; with `statements` (the running order), every statement."""
    rows, order = [], 0
    for statement in statements or running_order(conference):
        entry = statement.entry
        if statement.kind == "list":
            order += 1
        elif statements is None:
            continue
        if statement.kind == "opening":
            name, function, level = entry.public_name, entry.public_function, ""
            delegation = _("Opening statement")
        else:
            speaker = entry.speaker  # named by the service: the head unless another was
            name = speaker.full_name if speaker else ""
            function = speaker.function if speaker else ""
            # Only the PDF prints the level; the serializer leaves it out.
            level = str(speaker.get_protocol_rank_display()) if speaker else ""
            delegation = entry.delegation.display_name
            if statement.kind == "reply":
                level = _("Right of reply")
        rows.append(
            {
                "order": order if statement.kind == "list" else None,
                "kind": statement.kind,
                "delegation": delegation,
                "speaker": name,
                "function": function,
                "level": level,
                "minutes": statement.minutes,
                "expected_at": statement.expected_at,
                "started_at": statement.started_at,
                "ended_at": statement.ended_at,
            }
        )
    return rows


def _conference(slug):
    conference = Conference.objects.filter(slug=slug).first()
    if conference is None:
        raise Http404
    return conference


@extend_schema(tags=["schedule"], responses={200: SpeakerSerializer(many=True)})
class SpeakersListView(APIView):
    """The general debate's speakers, in order, with the expected time of each statement."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        conference = _conference(slug)
        with timezone.override(conference.tzinfo):
            response = Response(SpeakerSerializer(_rows(conference), many=True).data)
        patch_cache_control(response, public=True, max_age=60)
        return response


@extend_schema(tags=["schedule"], responses={200: StatementSerializer(many=True)})
class RunningOrderView(APIView):
    """The chair's running order of the general debate: each sitting's opening statements, the
    speakers of the list, then the rights of reply, with expected and actual times."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        conference = _conference(slug)
        rows = _rows(conference, statements=running_order(conference))
        with timezone.override(conference.tzinfo):
            response = Response(StatementSerializer(rows, many=True).data)
        patch_cache_control(response, public=True, max_age=60)
        return response


@extend_schema(tags=["schedule"], responses={(200, "text/csv"): OpenApiTypes.STR})
class SpeakersListCSVView(APIView):
    """The same list as CSV, for the chair's desk."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        conference = _conference(slug)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["order", "delegation", "speaker", "function", "minutes", "expected at"])
        for row in _rows(conference):
            when = row["expected_at"]
            writer.writerow(
                spreadsheet_cell(cell)
                for cell in [
                    row["order"],
                    row["delegation"],
                    row["speaker"],
                    row["function"],
                    row["minutes"],
                    when.astimezone(conference.tzinfo).strftime("%d %b %H:%M") if when else "",
                ]
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slug}-speakers.csv"'
        return response


@extend_schema(tags=["schedule"], responses={(200, "application/pdf"): OpenApiTypes.BINARY})
class SpeakersListPDFView(APIView):
    """The same list as a PDF to print, with the sittings and the time of printing."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        conference = _conference(slug)
        sittings = (
            Session.objects.filter(
                conference=conference,
                kind=SessionKind.GENERAL_DEBATE,
                state=SessionState.PUBLISHED,
            )
            .select_related("room")
            .order_by("starts_at")
        )
        rows = _rows(conference, statements=running_order(conference))
        document = speakers_list_pdf(conference, sittings=sittings, rows=rows)
        return pdf_download(document, f"{slug}-speakers.pdf")
