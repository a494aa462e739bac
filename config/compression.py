"""Compression of the API's answers: zstd, brotli or gzip as the client asks
(django-compression-middleware), for the media types of the feeds and the API only.

HTML pages are left as they are: they carry the CSRF token next to text an attacker may choose,
which a compressed length would leak (BREACH). A compressed answer's ETag becomes weak, as RFC 9110
asks of a representation that is not byte-for-byte the same; Django compares If-None-Match weakly,
so a client sending back either tag still gets its 304.
"""

from compression_middleware.middleware import CompressionMiddleware

COMPRESSED_MEDIA_TYPES = frozenset(
    {
        "application/json",
        "application/vnd.oai.openapi",
        "application/vnd.oai.openapi+json",
        "application/xml",
        "application/vnd.frab+xml",
        "text/calendar",
        "text/csv",
    }
)


class ApiCompressionMiddleware(CompressionMiddleware):
    def process_response(self, request, response):
        media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type not in COMPRESSED_MEDIA_TYPES:
            return response
        return super().process_response(request, response)
