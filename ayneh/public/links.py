"""Absolute addresses for what leaves the site: feeds, canonical links and Open Graph metadata.

They are built from settings.SITE_URL, never from the request's Host header, so a forged Host cannot
put another domain into a feed or a canonical link, and every feed names the same addresses.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`/release/…/` → `https://news.example.ir/release/…/` (an already absolute URL is returned as is)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")
