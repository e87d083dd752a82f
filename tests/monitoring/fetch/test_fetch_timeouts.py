"""The timeout is a deadline for the whole fetch: a server that drips bytes is cut off too."""

from __future__ import annotations

import time

import pytest

from ayneh.monitoring.fetch.http import FetchError, fetch_url
from ayneh.monitoring.fetch.limits import FetchLimits


def _drip(handler) -> None:
    handler.send_response(200)
    handler.end_headers()
    for _ in range(60):  # bounded: at most 6 s, long after the client gave up
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(0.1)


def test_a_server_dripping_one_byte_at_a_time_is_cut_off_at_the_deadline(local_server) -> None:
    url = local_server.route_handler("/slow", _drip)
    started = time.monotonic()

    with pytest.raises(FetchError, match=r"^timeout$"):
        fetch_url(url, allow_private=True, limits=FetchLimits(timeout=1.0))

    assert time.monotonic() - started < 3.0


def test_a_server_that_never_answers_times_out(local_server) -> None:
    url = local_server.route_handler("/silent", lambda handler: time.sleep(3))

    with pytest.raises(FetchError, match=r"^timeout$"):
        fetch_url(url, allow_private=True, limits=FetchLimits(timeout=0.5))


def test_a_name_the_resolver_does_not_answer_for_is_cut_off_at_the_deadline(monkeypatch) -> None:
    # The machine's resolver cannot be made to hang without changing its configuration, so the lookup is
    # made slow here: getaddrinfo itself has no timeout, and the resolver's own can last tens of seconds.
    import socket

    real = socket.getaddrinfo

    def slow_for_one_name(host, *args, **kwargs):
        if host == "slow-dns.example":
            time.sleep(3)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", slow_for_one_name)
    started = time.monotonic()

    with pytest.raises(FetchError, match=r"^cannot resolve slow-dns\.example: no answer within"):
        fetch_url("http://slow-dns.example/news", limits=FetchLimits(timeout=0.5))

    assert time.monotonic() - started < 1.5
