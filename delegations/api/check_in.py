"""The scanners' endpoint: one reading of a badge at a door -> allowed or refused, and why.

A scanner device authenticates with `Authorization: Scanner <token>` and scans for its own
conference; a staff member with `delegations.add_scan` (the security role) may scan too, with a
token or a session, for the conference under way unless they name another. The answer shows the
holder's name, delegation and photo, never passport data; a forged code, or a badge of another
conference, shows nobody."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.auth import TokenAuthentication
from rest_framework import authentication, exceptions, permissions, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.fields import ProhibitNullCharactersValidator
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from conference.models import Conference
from delegations import services
from delegations.check_in.access import current_conference, may_scan
from delegations.check_in.results import check_in_result
from delegations.models import ScanDirection, ScannerDevice


class ScannerAuthentication(authentication.BaseAuthentication):
    keyword = "Scanner"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None  # another scheme: Token or the session may still answer
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give the scanner's token after 'Scanner'."))
        try:
            token = parts[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("Unknown or deactivated scanner.")) from error
        device = services.scanner_for_token(token)
        if device is None:
            raise exceptions.AuthenticationFailed(_("Unknown or deactivated scanner."))
        # A device is nobody: no user, the device rides along as the request's `auth`.
        return AnonymousUser(), device

    def authenticate_header(self, request):
        return self.keyword


class ScannerAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = ScannerAuthentication
    name = "scannerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Scanner <token>`: the token shown once when the scanner was created.",
        }


class ScannerOrSecurityStaff(permissions.BasePermission):
    def has_permission(self, request, view):
        if isinstance(request.auth, ScannerDevice):
            return True
        by_session = isinstance(request.successful_authenticator, SessionAuthentication)
        return may_scan(request.user, second_factor=by_session)


class BadgeCodeField(serializers.CharField):
    """Any text: a code of spaces, or with a NUL character in it, is a forged code (refused and
    recorded like one), not a malformed request."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]


class CheckInRequestSerializer(serializers.Serializer):
    payload = BadgeCodeField(
        min_length=1,
        max_length=200,
        trim_whitespace=False,
        help_text="The text of the badge's QR code.",
    )
    zone = serializers.SlugField(max_length=30, help_text="The code of the zone at this door.")
    direction = serializers.ChoiceField(choices=ScanDirection.choices)
    conference = serializers.SlugField(
        max_length=32,
        required=False,
        help_text=(
            "The conference's slug, for staff; by default the conference under way (or the next "
            "one). A scanner scans for its own conference only."
        ),
    )


class CheckInBadgeSerializer(serializers.Serializer):
    number = serializers.CharField()
    name = serializers.CharField()
    delegation = serializers.CharField()
    colour = serializers.CharField()
    photo_url = serializers.CharField(
        allow_null=True, help_text="A link valid for a few minutes; null without a photo."
    )


class CheckInResultSerializer(serializers.Serializer):
    allowed = serializers.BooleanField()
    flagged = serializers.BooleanField(help_text="A double entry, or an exit without an entry.")
    reason = serializers.ChoiceField(choices=services.ScanReason.choices)
    message = serializers.CharField()
    badge = CheckInBadgeSerializer(allow_null=True)


@extend_schema(
    tags=["organisers"],
    request=CheckInRequestSerializer,
    responses={
        200: CheckInResultSerializer,
        404: OpenApiResponse(
            response={"$ref": "#/components/schemas/ApiError"},
            description="No such zone at the venue (`unknown_zone`), or no such conference.",
        ),
    },
)
class CheckInView(APIView):
    """Record one scan of a badge and answer whether to let the person through.

    Refusals are answers (200, `allowed` false), not errors; every scan is recorded."""

    authentication_classes = [
        ScannerAuthentication,
        TokenAuthentication,
        SessionAuthentication,
    ]
    permission_classes = [ScannerOrSecurityStaff]
    # Scanners send JSON; one request body in the schema, not one per parser.
    parser_classes = [JSONParser]

    def post(self, request):
        given = CheckInRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        device = request.auth if isinstance(request.auth, ScannerDevice) else None
        scan = services.record_scan(
            self._conference(device, data.get("conference")),
            payload=data["payload"],
            zone_code=data["zone"],
            direction=data["direction"],
            device=device,
            user=request.user,
        )
        return Response(CheckInResultSerializer(check_in_result(scan, request=request)).data)

    def _conference(self, device, slug):
        if device is not None:
            if slug and slug != device.conference.slug:
                raise exceptions.PermissionDenied(_("This scanner belongs to another conference."))
            return device.conference
        conference = Conference.objects.filter(slug=slug).first() if slug else current_conference()
        if conference is None:
            raise exceptions.NotFound(_("No such conference."))
        return conference
