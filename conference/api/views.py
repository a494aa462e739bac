from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from conference.models import Conference, Instrument
from conference.selectors import convention_status


class PartySerializer(serializers.Serializer):
    country = serializers.CharField(source="country.code", allow_blank=True)
    name = serializers.CharField(source="__str__")
    is_reio = serializers.BooleanField()


class SignatureSerializer(PartySerializer):
    signed_on = serializers.DateField()
    place = serializers.CharField()


class InstrumentSerializer(PartySerializer):
    kind = serializers.ChoiceField(choices=Instrument.Kind.choices)
    deposited_on = serializers.DateField()


class ConventionStatusSerializer(serializers.Serializer):
    title = serializers.CharField(source="convention.title")
    depositary = serializers.CharField(source="convention.depositary")
    instruments_for_entry_into_force = serializers.IntegerField(
        source="convention.instruments_for_entry_into_force"
    )
    signatures = SignatureSerializer(many=True)
    instruments = InstrumentSerializer(many=True)
    instruments_counted = serializers.IntegerField(
        help_text="Instruments that count: a REIO's does not count in addition to its members'."
    )
    instruments_missing = serializers.IntegerField()
    entry_into_force = serializers.DateField(allow_null=True)


@extend_schema(tags=["convention"], responses={200: ConventionStatusSerializer})
class ConventionStatusView(APIView):
    """The status of the Convention a conference opened for signature."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request, slug):
        conference = Conference.objects.select_related("convention").filter(slug=slug).first()
        if conference is None or conference.convention is None:
            raise Http404
        return Response(ConventionStatusSerializer(convention_status(conference.convention)).data)
