"""The client's address, read only through the proxies we run (settings.TRUSTED_PROXIES).

X-Forwarded-For is written by whoever sends the request: a stranger can put any address in it.
It is believed only when the socket's peer is one of our proxies, and then only up to the first
hop that is not ours (django-ipware's trusted-proxy walk). With no proxy configured the socket's
peer is the client. django-axes (AXES_CLIENT_IP_CALLABLE) and the security log both use this, so
a lockout and the log line name the same address.
"""

import ipaddress

from django.conf import settings
from ipware import get_client_ip


def _is_trusted_proxy(address, trusted):
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(peer == ipaddress.ip_address(entry) for entry in trusted)


def client_address(request):
    """The address of the client behind our trusted proxies, else the socket's peer."""
    if request is None:
        return None
    peer = request.META.get("REMOTE_ADDR")
    trusted = list(getattr(settings, "TRUSTED_PROXIES", []))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not trusted or not forwarded or not _is_trusted_proxy(peer, trusted):
        return peer
    # The chain as our last proxy saw it: what it forwarded, then itself. Non-strict, so that
    # addresses a client prepended by hand are skipped rather than spoiling the whole chain.
    chain = type("ForwardedRequest", (), {})()
    chain.META = {"HTTP_X_FORWARDED_FOR": f"{forwarded}, {peer}"}
    address, _routable = get_client_ip(
        chain,
        proxy_trusted_ips=trusted,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or peer
