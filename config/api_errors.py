"""One JSON shape for every API error, keyed by a stable code.

    {"error": {"code": "room_double_booked", "message": "...", "details": {...}}}

Domain errors are expected outcomes, so they are answered, not logged as crashes.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from conference.errors import DomainError
from conference.security_log import record_security_event


def error_body(code: str, message, details: dict | None = None) -> dict:
    """The one JSON body of every API error; every answer of an error under /api/ is built here."""
    return {"error": {"code": code, "message": str(message), "details": details or {}}}


def error_response(code: str, message, *, status: int, details: dict | None = None):
    """An API error as a plain Django response, for the middleware and handlers outside DRF."""
    return JsonResponse(error_body(code, message, details), status=status)


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(error_body(exc.code, exc.message, exc.context), status=exc.status_code)
    if isinstance(exc, AuthenticationFailed):
        # A token (or other credential) was presented and refused; a missing one is not logged,
        # since anonymous readers of the public feed would drown the guessing. 403s are logged by
        # config.middleware.SecurityLogMiddleware, whoever refuses.
        record_security_event(
            "api_token_refused", request=context.get("request"), reason=str(exc.detail)
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code = getattr(exc, "default_code", "error")
    details = response.data if isinstance(response.data, dict) else {"errors": response.data}
    message = details.pop("detail", None) if isinstance(details, dict) else None
    response.data = error_body(
        getattr(message, "code", code) if message is not None else code,
        message if message is not None else _("The request is not valid."),
        details,
    )
    return response


class ApiNotFoundMiddleware:
    """Answer an API address that matches no route with the API's error body, DEBUG or not.

    handler404 does this in production, but with DEBUG on (`make run`, a developer's machine)
    Django answers unmatched addresses with its HTML technical page before any handler runs, and a
    client generated from the schema, or schemathesis, then meets an HTML body where the schema
    promises JSON. Only HTML 404s are replaced: a view's own JSON 404 is kept as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.path.startswith("/api/")
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return error_response("not_found", _("Not found."), status=404)
        return response


def page_not_found(request, exception):
    """Django's 404 for an address no route matches: the API's error shape under /api/, the
    ordinary page elsewhere."""
    if request.path.startswith("/api/"):
        return error_response("not_found", _("Not found."), status=404)
    return defaults.page_not_found(request, exception)
