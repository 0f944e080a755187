"""The address of the person behind a request, as our own reverse proxies saw it.

Every rate limit and the audit trail ask this one function (allauth too, through
``lms.accounts.adapter``), so that they all count the same client.

Behind a reverse proxy every request arrives from the proxy (``REMOTE_ADDR`` is
127.0.0.1): counting that address puts every person in one bucket, and twenty failed
sign-ins with random e-mails would lock everyone out. The proxy appends the address
it saw to ``X-Forwarded-For`` (nginx: ``$proxy_add_x_forwarded_for``); a client can
write anything to the left of it, never to the right. So with
``SIGAP_TRUSTED_PROXY_COUNT = N`` the client is the Nth address from the right, the
one our outermost proxy saw: allauth's rule (``ALLAUTH_TRUSTED_PROXY_COUNT``). With
0, the default, the header is never read.
"""

import ipaddress

from django.conf import settings

# allauth's default (RATE_LIMIT_IPV6_PREFIX): one IPv6 subscriber gets a whole /64,
# so counting single addresses would let one client rotate through 2**64 of them.
IPV6_RATE_LIMIT_PREFIX = 64


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's IP address, or None when there is no request or no valid one.

    When the header holds fewer addresses than there are trusted proxies, the
    request did not come through them (someone reached the app server directly):
    its own ``REMOTE_ADDR`` is the client.
    """
    if request is None:
        return None
    proxies = settings.SIGAP_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")
        forwarded = [address for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return _valid(forwarded[-proxies])
    return _valid(request.META.get("REMOTE_ADDR", ""))


def rate_limit_source(request) -> str:
    """What a per-client rate limit counts: the client's IPv4 address, or its IPv6
    /64 network (as allauth's limits do)."""
    address = client_ip(request)
    if address is None:
        return "unknown"
    if ":" in address:  # IPv6 (already validated)
        network = ipaddress.IPv6Network(
            f"{address}/{IPV6_RATE_LIMIT_PREFIX}", strict=False
        )
        return str(network.network_address)
    return address
