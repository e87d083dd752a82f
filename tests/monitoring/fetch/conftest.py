"""A real HTTP server on the loopback interface, in a thread, for the fetching tests (no network mocks).

Tests register routes: ``server.route("/feed.xml", body=b"...", headers={...})`` or a handler function for
streaming, slow or odd responses. ``server.requests`` records what reached the server, so a test can prove
that a refused fetch never connected. Also: the real pages in ../shared/data/pages.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
PAGES = REPO_ROOT.parent / "shared" / "data" / "pages"

type Responder = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


@dataclass
class LocalServer:
    """Routes by path; unknown paths get 404. ``base`` is e.g. ``http://127.0.0.1:40123``."""

    base: str
    routes: dict[str, Responder] = field(default_factory=dict)
    requests: list[SeenRequest] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, *, body: bytes = b"", status: int = 200, headers: dict[str, str] | None = None) -> str:
        """Serves ``body`` at ``path`` with a Content-Length; returns the full URL."""

        def respond(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = respond
        return self.url(path)

    def route_handler(self, path: str, responder: Responder) -> str:
        self.routes[path] = responder
        return self.url(path)


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # the connection closes after each response: no keep-alive to manage

        def do_GET(self) -> None:
            server.requests.append(SeenRequest(self.path, {k.lower(): v for k, v in self.headers.items()}))
            responder = server.routes.get(self.path.split("?", 1)[0])
            if responder is None:
                self.send_error(404)
                return
            # The client may stop reading: that is what size and time limits do.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                responder(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def _serve(host: str, server_class: type[ThreadingHTTPServer]) -> Iterator[LocalServer]:
    local = LocalServer(base="")
    httpd = server_class((host, 0), _handler_for(local))
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    local.base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 (a loopback address: fetches reach it only with ``allow_private=True``)."""
    yield from _serve("127.0.0.1", ThreadingHTTPServer)


@pytest.fixture
def local_server_v6() -> Iterator[LocalServer]:
    """The same on ::1, where the machine has IPv6 loopback."""
    try:
        probe = socket.socket(socket.AF_INET6)
        probe.bind(("::1", 0))
        probe.close()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    yield from _serve("::1", _IPv6Server)


@pytest.fixture
def pages_dir() -> Path:
    """../shared/data/pages: five real Persian news pages; tests skip cleanly where it is absent."""
    if not PAGES.is_dir():
        pytest.skip("../shared/data/pages is not present in this checkout")
    return PAGES
