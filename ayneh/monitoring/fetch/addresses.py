"""The SSRF rule: a fetch may only connect to public addresses, checked when the socket is opened.

A check on the URL alone is not enough: a public-looking name can resolve to 127.0.0.1, 10.x or the cloud
metadata address 169.254.169.254, and can resolve differently a moment later (DNS rebinding). So the host
is resolved once, here, every address it resolves to is checked, and the socket connects to one of those
checked addresses — never to a name that would be resolved again. TLS still verifies and sends (SNI) the
host name, because the HTTP layer wraps the socket this module returns.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from ayneh.monitoring.fetch.errors import FetchError

# IPv6 prefixes that carry an IPv4 address inside; the embedded address is the one that is reached.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")

type SocketOption = tuple[int, int, int | bytes]

# getaddrinfo takes no timeout (the system resolver's own can add up to tens of seconds), so a lookup runs
# on one of these threads and the fetch stops waiting for it when its time is up; the lookup itself ends
# when the resolver gives up, on a thread that only ever resolves.
_RESOLVERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ayneh-resolve")


def address_refusal(address: str, *, allow_private: bool = False) -> str | None:
    """Why connecting to ``address`` is refused ("loopback address 127.0.0.1"), or None if it is allowed.

    Refused: loopback, private, link-local, shared (carrier NAT), reserved and any other non-global address,
    including the same behind an IPv4-mapped, NAT64 or 6to4 IPv6 address. Multicast and the unspecified
    address are refused always; ``allow_private`` lets the rest through (tests serving on 127.0.0.1).
    """
    shown = address.split("%", 1)[0]  # without an IPv6 zone index («fe80::1%eth0»)
    ip = ipaddress.ip_address(shown)
    reached = _embedded_ipv4(ip) or ip
    if reached.is_multicast:
        return f"multicast address {shown}"
    if reached.is_unspecified:
        return f"unspecified address {shown}"
    if allow_private:
        return None
    # Order matters: Python counts loopback and link-local ranges as private too; name the specific kind.
    for kind, is_kind in (
        ("loopback", reached.is_loopback),
        ("link-local", reached.is_link_local),
        ("private", reached.is_private),
        ("reserved", reached.is_reserved),
        ("non-public", not reached.is_global),
    ):
        if is_kind:
            return f"{kind} address {shown}"
    return None


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    return None


def open_checked_connection(
    host: str,
    port: int,
    *,
    timeout: float | None,
    allow_private: bool = False,
    socket_options: Sequence[SocketOption] | None = None,
) -> socket.socket:
    """A TCP socket connected to ``host:port`` through an address that passed ``address_refusal``.

    Every address the host resolves to is checked before any connection is tried: one refused address
    refuses the host (a name that mixes public and private addresses is not trusted). Raises ``FetchError``
    ("refused: private address 10.0.0.1", "cannot resolve example.invalid", also when the name is not
    resolved within ``timeout``); connection failures raise the ``OSError`` (``TimeoutError`` for a
    timeout) of the last address tried.
    """
    infos = _resolve(host, port, timeout=timeout)
    for *_, sockaddr in infos:
        refusal = address_refusal(str(sockaddr[0]), allow_private=allow_private)
        if refusal is not None:
            raise FetchError(f"refused: {refusal}")
    last_error: OSError = OSError(f"no address for {host}")
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            for level, option, value in socket_options or ():
                sock.setsockopt(level, option, value)
            sock.settimeout(timeout)
            sock.connect(sockaddr)
        except OSError as error:
            sock.close()
            last_error = error
            continue
        return sock
    raise last_error


def _resolve(host: str, port: int, *, timeout: float | None) -> list[tuple]:
    """getaddrinfo's answer for ``host:port``, waited for no longer than ``timeout`` seconds."""
    lookup = _RESOLVERS.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        return lookup.result(timeout=timeout)
    except FutureTimeout:
        lookup.cancel()  # if it has not started yet
        raise FetchError(f"cannot resolve {host}: no answer within {timeout:g} s") from None
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}") from error
