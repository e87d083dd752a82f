"""No inline style or script anywhere in the public pages: the strict CSP (SECURE_CSP) would block them."""

import re

import pytest
from django.test import Client

from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.public.conftest import PublishRelease

INLINE_STYLE_RE = re.compile(r"<style|\sstyle=", re.IGNORECASE)
INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER_RE = re.compile(r"\son[a-z]+=", re.IGNORECASE)
EXTERNAL_ASSET_RE = re.compile(r'(?:src|href)="(?:https?:)?//', re.IGNORECASE)


@pytest.fixture
def release(khuzestan: Office, publish_release: PublishRelease) -> Release:
    return publish_release(khuzestan, "خبر خوزستان", lead="لید", body="<p>متن</p>")


@pytest.mark.parametrize("url", ["/", "/offices/", "/office/dg-khuzestan/", "/search/?q=خبر", "RELEASE"])
def test_the_page_has_no_inline_style_script_or_handler_and_loads_nothing_from_elsewhere(
    client: Client, release: Release, url: str
) -> None:
    response = client.get(release.get_absolute_url() if url == "RELEASE" else url)
    html = response.content.decode()
    # Canonical and Open Graph addresses are absolute by design; they are metadata, not loaded assets.
    loadable = re.sub(r'<(?:link rel="canonical"|meta)[^>]*>', "", html)

    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not INLINE_STYLE_RE.search(html)
    assert not INLINE_SCRIPT_RE.search(html)
    assert not EVENT_HANDLER_RE.search(html)
    assert not EXTERNAL_ASSET_RE.search(loadable)
