"""SSRF: a URL whose host resolves to a loopback, private or link-local address is refused at connect time."""

from __future__ import annotations

import socket

import pytest

from ayneh.monitoring.fetch import addresses
from ayneh.monitoring.fetch.addresses import address_refusal
from ayneh.monitoring.fetch.http import FetchError, fetch_url


def test_it_refuses_a_server_on_127_0_0_1_before_any_request_reaches_it(local_server) -> None:
    url = local_server.route("/feed.xml", body=b"<rss/>")

    with pytest.raises(FetchError, match=r"^refused: loopback address 127\.0\.0\.1$"):
        fetch_url(url)

    assert local_server.requests == []


def test_it_fetches_the_same_server_when_private_addresses_are_allowed(local_server) -> None:
    url = local_server.route("/feed.xml", body=b"<rss/>")

    assert fetch_url(url, allow_private=True).body == b"<rss/>"


def test_it_refuses_the_name_localhost_because_it_resolves_to_loopback(local_server) -> None:
    url = local_server.route("/", body=b"hi").replace("127.0.0.1", "localhost")

    with pytest.raises(FetchError, match="refused: loopback address"):
        fetch_url(url)
    assert local_server.requests == []


def test_it_refuses_ipv6_loopback(local_server_v6) -> None:
    url = local_server_v6.route("/", body=b"hi")

    with pytest.raises(FetchError, match=r"refused: loopback address ::1"):
        fetch_url(url)
    assert local_server_v6.requests == []
    assert fetch_url(url, allow_private=True).body == b"hi"


def test_it_refuses_a_name_that_resolves_to_a_public_and_a_private_address(monkeypatch) -> None:
    # DNS is the one thing faked here (no real name resolves like this); the refusal comes before any connect.
    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port)),
        ]

    monkeypatch.setattr(addresses.socket, "getaddrinfo", resolve)

    with pytest.raises(FetchError, match=r"^refused: private address 10\.0\.0\.1$"):
        fetch_url("http://news.example.test/rss")


def test_it_connects_to_the_checked_address_and_still_sends_the_host_name(local_server, monkeypatch) -> None:
    url = local_server.route("/rss", body=b"ok")
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    real_getaddrinfo = socket.getaddrinfo
    resolved: list[str] = []

    def resolve(host, *args, **kwargs):
        resolved.append(host)
        return real_getaddrinfo("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(addresses.socket, "getaddrinfo", resolve)

    result = fetch_url(f"http://news.example.test:{port}/rss", allow_private=True)

    assert result.body == b"ok"
    assert resolved == ["news.example.test"]  # resolved once, by the checked connection
    assert local_server.requests[0].headers["host"] == f"news.example.test:{port}"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback address 127.0.0.1"),
        ("127.8.9.10", "loopback address 127.8.9.10"),
        ("10.0.0.1", "private address 10.0.0.1"),
        ("172.16.5.4", "private address 172.16.5.4"),
        ("192.168.1.1", "private address 192.168.1.1"),
        ("169.254.169.254", "link-local address 169.254.169.254"),
        ("100.64.0.1", "non-public address 100.64.0.1"),
        ("0.0.0.0", "unspecified address 0.0.0.0"),  # noqa: S104 - an address checked, not bound
        ("224.0.0.1", "multicast address 224.0.0.1"),
        ("::1", "loopback address ::1"),
        ("fe80::1%eth0", "link-local address fe80::1"),
        ("fd00::1", "private address fd00::1"),
        ("::ffff:127.0.0.1", "loopback address ::ffff:127.0.0.1"),
        ("::ffff:10.1.2.3", "private address ::ffff:10.1.2.3"),
        ("64:ff9b::a9fe:a9fe", "link-local address 64:ff9b::a9fe:a9fe"),
        ("2002:7f00:1::", "loopback address 2002:7f00:1::"),
    ],
)
def test_it_names_why_a_non_public_address_is_refused(address: str, reason: str) -> None:
    assert address_refusal(address) == reason


@pytest.mark.parametrize("address", ["93.184.215.14", "185.143.232.10", "2a00:1450:4001:80b::200e"])
def test_it_allows_public_addresses(address: str) -> None:
    assert address_refusal(address) is None
