"""Post-processing of the OpenAPI schema: document the errors every operation can answer.

drf-spectacular documents what views declare; errors that come from the framework (not signed in,
not allowed, unknown id, bad filter) are added here once for all, in the one error shape.
"""

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "object", "additionalProperties": {}},
            },
            "required": ["code", "message", "details"],
        }
    },
    "required": ["error"],
}
ERROR = {"$ref": "#/components/schemas/ApiError"}


def _error(description):
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


def document_errors(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["ApiError"] = ERROR_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            if "organisers" in operation.get("tags", []):
                responses.setdefault("401", _error("Not signed in (no or a bad token)."))
                responses.setdefault("403", _error("Signed in without the permission needed."))
            paginated = any(p.get("name") == "page" for p in operation.get("parameters", []))
            if "{" in path or paginated:
                responses.setdefault("404", _error("Not found (or a page beyond the last)."))
            query = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
            if query or method in ("post", "put", "patch"):
                responses.setdefault("400", _error("Invalid request."))
    return result
