"""Redirects are followed (each target checked again) up to a limit; error statuses raise with the status."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.http import FetchError, fetch_url
from ayneh.monitoring.fetch.limits import FetchLimits


def test_it_follows_a_relative_redirect_and_reports_the_final_url(local_server) -> None:
    start = local_server.route("/old", status=301, headers={"Location": "/new?x=1"})
    local_server.route("/new", body=b"moved here")

    result = fetch_url(start, allow_private=True)

    assert (result.url, result.final_url, result.body) == (start, local_server.url("/new?x=1"), b"moved here")


def test_it_stops_after_max_redirects(local_server) -> None:
    loop = local_server.route("/loop", status=302, headers={"Location": "/loop"})

    with pytest.raises(FetchError, match=r"^too many redirects \(over 2\)$"):
        fetch_url(loop, allow_private=True, limits=FetchLimits(max_redirects=2))
    assert len(local_server.requests) == 3


def test_an_error_status_raises_with_the_status(local_server) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 404") as failed:
        fetch_url(local_server.url("/missing"), allow_private=True)
    assert failed.value.status == 404


def test_a_persian_path_is_sent_percent_encoded(local_server) -> None:
    local_server.route("/fa/news/%D8%AE%D8%A8%D8%B1", body=b"ok")

    assert fetch_url(local_server.url("/fa/news/خبر"), allow_private=True).body == b"ok"


def test_a_closed_port_is_a_connection_error(local_server) -> None:
    with pytest.raises(FetchError, match=r"^cannot connect"):
        fetch_url("http://127.0.0.1:9/", allow_private=True)
