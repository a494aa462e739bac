"""The depositary's register of the Convention a conference opened for signature: JSON, and CSV
in the Treaty Collection's layout."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conference.models import Conference, Instrument, ParticipantKind
from conference.selectors import TREATY_COLLECTION_MARKS, convention_status


class PartySerializer(serializers.Serializer):
    country = serializers.CharField(source="country.code", allow_blank=True)
    name = serializers.CharField(source="__str__")
    is_reio = serializers.BooleanField()
    participant_kind = serializers.ChoiceField(choices=ParticipantKind.choices)


class SignatureSerializer(PartySerializer):
    signed_on = serializers.DateField(
        help_text="When day_is_verified is false: the first day of the opening for signature."
    )
    day_is_verified = serializers.BooleanField(
        help_text="False when the source reports the signature during the opening for signature "
        "but not its day."
    )
    place = serializers.CharField()
    source = serializers.CharField(help_text="Where the signature is reported; may be empty.")


class InstrumentSerializer(PartySerializer):
    kind = serializers.ChoiceField(choices=Instrument.Kind.choices)
    deposited_on = serializers.DateField()
    entry_into_force = serializers.DateField(
        allow_null=True,
        help_text="For this participant: Art. 65(1) up to the decisive instrument, 65(2) after.",
    )


class NotificationSerializer(serializers.Serializer):
    reference = serializers.CharField()
    issued_on = serializers.DateField()
    subject = serializers.CharField()
    is_illustrative = serializers.BooleanField()


class ConventionStatusSerializer(serializers.Serializer):
    title = serializers.SerializerMethodField(
        help_text="The Convention's title in the language asked (Accept-Language), as the United "
        "Nations writes it, else in English."
    )
    depositary = serializers.CharField(source="convention.depositary")
    instruments_for_entry_into_force = serializers.IntegerField(
        source="convention.instruments_for_entry_into_force"
    )
    is_partial = serializers.BooleanField(
        source="convention.register_is_partial",
        help_text="True when the register holds only the actions that could be verified.",
    )
    note = serializers.CharField(source="convention.register_note")
    signatures = SignatureSerializer(many=True)
    instruments = InstrumentSerializer(many=True)
    notifications = NotificationSerializer(many=True)
    instruments_counted = serializers.IntegerField(
        help_text="Instruments that count: a REIO's does not count in addition to its members'."
    )
    instruments_missing = serializers.IntegerField()
    entry_into_force = serializers.DateField(allow_null=True)

    def get_title(self, status) -> str:
        return status["convention"].localized_title(translation.get_language())


def _status(slug):
    conference = Conference.objects.select_related("convention").filter(slug=slug).first()
    if conference is None or conference.convention is None:
        raise Http404
    return convention_status(conference.convention)


@extend_schema(tags=["convention"], responses={200: ConventionStatusSerializer})
class ConventionStatusView(APIView):
    """The status of the Convention a conference opened for signature."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        return Response(ConventionStatusSerializer(_status(slug)).data)


@extend_schema(tags=["convention"], responses={(200, "text/csv"): OpenApiTypes.BINARY})
class ConventionStatusCSVView(APIView):
    """The same status as CSV, in the Treaty Collection's layout: participant, signature, and
    the instrument's date marked A (acceptance), AA (approval) or a (accession)."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows(treaty_collection_rows(_status(slug)))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slug}-convention-status.csv"'
        return response


def treaty_collection_rows(status):
    """The header, then one row per participant, then a note when the register is partial."""
    rows = [
        [
            "Participant",
            "Signature",
            "Ratification, Acceptance(A), Approval(AA), Accession(a)",
            "Entry into force",
        ]
    ]
    for row in status["participants"]:
        signature, instrument = row["signature"], row["instrument"]
        rows.append(
            [
                row["name"],
                _signature_cell(signature, status["convention"]) if signature else "",
                (
                    " ".join(
                        filter(
                            None,
                            [
                                _treaty_date(instrument.deposited_on),
                                TREATY_COLLECTION_MARKS[instrument.kind],
                            ],
                        )
                    )
                    if instrument
                    else ""
                ),
                _treaty_date(instrument.entry_into_force)
                if instrument and instrument.entry_into_force
                else "",
            ]
        )
    if status["convention"].register_is_partial:
        rows.append(["Partial list", status["convention"].register_note, "", ""])
    return rows


def _signature_cell(signature, convention):
    """The signature's date; for one whose day is not verified, the days of the opening."""
    if signature.day_is_verified or convention.opening_until is None:
        return _treaty_date(signature.signed_on)
    days = f"{_treaty_date(convention.opening_from)} or {_treaty_date(convention.opening_until)}"
    return f"{days} (day not verified)"


def _treaty_date(day):
    """As the Treaty Collection writes dates: 25 Oct 2025, in English whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
