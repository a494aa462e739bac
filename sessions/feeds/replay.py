"""Warm schedule feeds replayed at the WSGI door, before Django's middleware and views.

A release is frozen, so the answer to an unconditional GET of a feed depends only on the
release, the feed, the language, the host and whether the request came over HTTPS. The first
such request of each kind goes through Django as usual; its complete answer (status, every
header the middleware added, body) is kept in this process and replayed for the next ones, until
the process learns of a new release (within POINTER_LOCAL_SECONDS, as the views do).

It replays only what Django produced, so the headers cannot drift from the views' and the
middleware's; and it steps aside for everything it cannot answer identically: filters, a
conditional request, an unknown host, a plain-HTTP request that must be redirected, a stale
pointer, or an answer that sets or varies on a cookie.
"""

import re
import threading
from collections import OrderedDict
from types import SimpleNamespace

from compression_middleware.middleware import compressor
from django.conf import settings
from django.http import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils import translation

from sessions.feeds import cache as feed_cache

FEED_PATH = re.compile(
    r"^/api/v1/conferences/(?P<slug>[a-z0-9]{4,})/(?:schedule/|schedule\.json|schedule\.xml|"
    r"schedule\.ics)$"
)
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
MAX_ENTRIES = 64


class FeedReplay:
    def __init__(self, application):
        self.application = application
        self._answers = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = self._replayable_request(environ)
        if request is None:
            return self.application(environ, start_response)
        key = self._key(request)
        with self._lock:
            answer = self._answers.get(key) if key else None
        if answer is not None:
            status, headers, body = answer
            start_response(status, list(headers))
            return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return self._through_django(request, environ, start_response)

    def _through_django(self, request, environ, start_response):
        seen = {}

        def remember(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.application(environ, remember)
        # Django has just read the latest release's pointer, if it was stale here.
        key = self._key(request)
        if environ["REQUEST_METHOD"] != "GET" or key is None or not _replayable(seen):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()  # Django's request_finished: connections are tidied as usual
        with self._lock:
            self._answers[key] = (seen["status"], tuple(seen["headers"]), body)
            while len(self._answers) > MAX_ENTRIES:
                self._answers.popitem(last=False)
        return [body]

    def forget(self):
        with self._lock:
            self._answers.clear()

    def _replayable_request(self, environ):
        """(path, host, secure, language, encoding, frab media type, slug) of a request the
        replay may answer, or None. The encoding is the one the compression middleware chooses
        for the request's Accept-Encoding: a gzip answer is never replayed to a client that asked
        for none."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("QUERY_STRING"):
            return None
        if any(environ.get(header) for header in CONDITIONAL):
            return None
        path = environ.get("PATH_INFO", "")
        match = FEED_PATH.match(path)
        if match is None:
            return None
        host = environ.get("HTTP_HOST", "")
        domain, _port = split_domain_port(host)
        if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
            return None
        secure = _is_secure(environ)
        if settings.SECURE_SSL_REDIRECT and not secure:
            return None
        encoding = compressor(environ.get("HTTP_ACCEPT_ENCODING", ""))[0]
        # The XML feed answers under frab's media type when asked by name: part of the key too.
        frab_media_type = "vnd.frab+xml" in environ.get("HTTP_ACCEPT", "")
        return (path, host, secure, _language(environ), encoding, frab_media_type, match["slug"])

    def _key(self, request):
        """The request with the release this process knows to be the latest, or None."""
        pointer = feed_cache.local_pointer(request[-1])
        return (*request[:-1], pointer[0]) if pointer else None


def _replayable(seen):
    if not seen.get("status", "").startswith("200"):
        return False
    headers = {name.lower(): value for name, value in seen["headers"]}
    return "set-cookie" not in headers and "cookie" not in headers.get("vary", "").lower()


def _is_secure(environ):
    if settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return environ[header].split(",")[0].strip() == value
    return environ.get("wsgi.url_scheme") == "https"


def _language(environ):
    """The language LocaleMiddleware would choose: the cookie, then Accept-Language."""
    request = SimpleNamespace(COOKIES=parse_cookie(environ.get("HTTP_COOKIE", "")), META=environ)
    return translation.get_language_from_request(request)
