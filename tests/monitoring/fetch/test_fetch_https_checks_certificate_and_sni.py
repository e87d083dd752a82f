"""HTTPS through the checked connection: the socket goes to the checked address, while TLS still sends the
host name (SNI) and verifies the certificate against it — a self-signed one is refused unless trusted."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from ayneh.monitoring.fetch.http import FetchError, fetch_url
from tests.monitoring.fetch.conftest import LocalServer, _handler_for


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A throw-away self-signed certificate for «localhost», made with the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[LocalServer, list[str | None]]]:
    cert, key = certificate
    local = LocalServer(base="")
    server_names: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: server_names.append(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(local))
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    local.base = f"https://localhost:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield local, server_names
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_it_sends_the_host_name_as_sni_and_verifies_against_the_trusted_ca(tls_server, certificate) -> None:
    server, server_names = tls_server
    url = server.route("/feed.xml", body=b"<rss/>")

    result = fetch_url(url, allow_private=True, ca_file=str(certificate[0]))

    assert result.body == b"<rss/>"
    assert server_names == ["localhost"]


def test_it_refuses_a_certificate_it_does_not_trust(tls_server) -> None:
    server, _ = tls_server
    url = server.route("/feed.xml", body=b"<rss/>")

    with pytest.raises(FetchError, match=r"^TLS error"):
        fetch_url(url, allow_private=True)
    assert server.requests == []


def test_https_to_a_loopback_address_is_refused_before_the_handshake(tls_server) -> None:
    server, server_names = tls_server

    with pytest.raises(FetchError, match=r"^refused: loopback address 127\.0\.0\.1$"):
        fetch_url(server.route("/feed.xml", body=b"<rss/>"))
    assert server_names == []
