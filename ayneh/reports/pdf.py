"""HTML to PDF with WeasyPrint, offline: the only resources a document may load are Ayneh's own static files
(the Vazirmatn font, the PDF stylesheet) and the charts handed in with it; any other URL is refused, so a
name or a label that smuggles in `<img src="http://...">` or `file:///etc/passwd` loads nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_CONTENT_TYPE = "application/pdf"
# The schemes the templates use: `ayneh-static:fonts/Vazirmatn-Variable.woff2`, `ayneh-chart:radar`.
STATIC_SCHEME = "ayneh-static"
CHART_SCHEME = "ayneh-chart"
_TYPES = {".woff2": "font/woff2", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class RefusedResource(ValueError):
    """A document asked for something that is neither one of our static files nor one of its charts."""


class OfflineFetcher(URLFetcher):
    """Serves `ayneh-static:<path>` from the static files finders (the files `collectstatic` would publish,
    found the same way in development and tests) and `ayneh-chart:<name>` from `charts`; refuses the rest
    without touching the network or the file system."""

    def __init__(self, charts: Mapping[str, str]) -> None:
        super().__init__(allowed_protocols=(STATIC_SCHEME, CHART_SCHEME))
        self.charts = dict(charts)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        path = unquote(parts.path)
        if parts.scheme == CHART_SCHEME and path in self.charts:
            return URLFetcherResponse(url, self.charts[path].encode(), {"Content-Type": _TYPES[".svg"]})
        if parts.scheme == STATIC_SCHEME and ".." not in path.split("/"):
            suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
            found = finders.find(path) if suffix in _TYPES else None
            if isinstance(found, str):
                with open(found, "rb") as file:
                    return URLFetcherResponse(url, file.read(), {"Content-Type": _TYPES[suffix]})
        raise RefusedResource(f"not an Ayneh static file or chart: {url}")


def pdf_render(*, template: str, context: Mapping[str, Any], charts: Mapping[str, str]) -> bytes:
    """Render `template` with `context` and print it to PDF; `charts` (name → SVG) are what the template's
    `ayneh-chart:<name>` images show."""
    html = render_to_string(template, dict(context))
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=f"{STATIC_SCHEME}:", url_fetcher=OfflineFetcher(charts))
    return document.write_pdf(font_config=fonts)
