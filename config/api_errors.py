"""One JSON shape for every API error, keyed by a stable code.

    {"error": {"code": "room_double_booked", "message": "...", "details": {...}}}

Domain errors are expected outcomes, so they are answered, not logged as crashes.
"""

from django.http import JsonResponse
from django.views import defaults
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from conference.errors import DomainError
from conference.security_log import record_security_event


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(
            {"error": {"code": exc.code, "message": str(exc.message), "details": exc.context}},
            status=exc.status_code,
        )
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
    response.data = {
        "error": {
            "code": getattr(message, "code", code) if message is not None else code,
            "message": str(message) if message is not None else "The request is not valid.",
            "details": details,
        }
    }
    return response


def page_not_found(request, exception):
    """Django's 404 for an address no route matches: the API's error shape under /api/, the
    ordinary page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"error": {"code": "not_found", "message": "Not found.", "details": {}}}
        return JsonResponse(body, status=404)
    return defaults.page_not_found(request, exception)
