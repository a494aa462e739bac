"""The general debate's speakers' list, public: JSON for apps and the press, CSV and PDF for the
chair."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
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
from sessions.selectors import expected_times, speaking_minutes


class SpeakerSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    delegation = serializers.CharField()
    speaker = serializers.CharField()
    function = serializers.CharField()
    minutes = serializers.IntegerField()
    expected_at = serializers.DateTimeField(allow_null=True)


def _rows(conference):
    rows = []
    for order, (entry, when) in enumerate(expected_times(conference), start=1):
        speaker = entry.speaker or next(
            (d for d in entry.delegation.delegates.all() if d.role == "head"), None
        )
        rows.append(
            {
                "order": order,
                "delegation": entry.delegation.display_name,
                "speaker": speaker.full_name if speaker else "",
                "function": speaker.function if speaker else "",
                # Only the PDF prints it; the serializer leaves it out.
                "level": str(speaker.get_protocol_rank_display()) if speaker else "",
                "minutes": speaking_minutes(conference, entry.delegation),
                "expected_at": when,
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


@extend_schema(tags=["schedule"], responses={(200, "text/csv"): OpenApiTypes.BINARY})
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
        document = speakers_list_pdf(conference, sittings=sittings, rows=_rows(conference))
        return pdf_download(document, f"{slug}-speakers.pdf")
