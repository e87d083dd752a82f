"""The names ingestion resolves against, read from the database and cached per process: the office registry
that `ayneh.text.analyse` credits articles to, and the outlet directory that «به گزارش X» and archive
records name.

Both caches are keyed by a fingerprint of the rows they were built from, re-read before every chunk of an
ingestion (one small query each), so an office or outlet edited in the admin is picked up by running
workers without a restart — and an unchanged registry keeps its identity, which keeps the text library's
per-registry match index (`ayneh.text.officematch.office_matcher`) warm.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from ayneh.monitoring.models import Outlet, OutletAlias
from ayneh.offices.models import Office, OfficeAlias
from ayneh.text.officematch import fold_office_name
from ayneh.text.registry import OfficeEntry, Registry

_lock = threading.Lock()


def _fingerprint(rows: list[tuple[object, ...]]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(row).encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class _CachedRegistry:
    fingerprint: str
    registry: Registry
    office_ids: dict[str, int]


_registry_cache: _CachedRegistry | None = None


def office_registry() -> tuple[Registry, dict[str, int]]:
    """The active offices as an `ayneh.text` Registry, and each office code's database id (the analysis
    names offices by code; the article stores the Office row)."""
    global _registry_cache
    offices = list(
        Office.objects.filter(is_active=True)
        .order_by("id")
        .values_list("id", "code", "name", "short_name", "tier", "province", "parent__code", "parent__is_active")
    )
    aliases = list(
        OfficeAlias.objects.filter(office__is_active=True).order_by("office_id", "id").values_list("office_id", "text")
    )
    fingerprint = _fingerprint([*offices, *aliases])
    with _lock:
        cached = _registry_cache
        if cached is None or cached.fingerprint != fingerprint:
            cached = _CachedRegistry(fingerprint, _registry_from_rows(offices, aliases), {o[1]: o[0] for o in offices})
            _registry_cache = cached
    return cached.registry, cached.office_ids


def _registry_from_rows(offices: list[tuple], aliases: list[tuple]) -> Registry:
    by_office: dict[int, list[str]] = {}
    for office_id, text in aliases:
        by_office.setdefault(office_id, []).append(text)
    return Registry(
        [
            OfficeEntry(
                code=code,
                name=name,
                tier=tier,
                province=province or None,
                # An inactive parent is not in the registry: its children become roots rather than dangling.
                parent=parent_code if parent_active else None,
                aliases=tuple(by_office.get(office_id, ())),
                short_name=short_name,
            )
            for office_id, code, name, short_name, tier, province, parent_code, parent_active in offices
        ]
    )


def outlet_key(name: str) -> str:
    """The form outlet names are compared in: normalised, punctuation and spacing folded, and the ZWNJ and
    spaces removed so «خبر گزاری»/«خبرگزاری» agree."""
    return fold_office_name(name).replace("\u200c", "").replace(" ", "")


@dataclass(frozen=True, slots=True)
class _CachedOutlets:
    fingerprint: str
    by_key: dict[str, int]


_outlet_cache: _CachedOutlets | None = None


def outlet_directory() -> dict[str, int]:
    """Every outlet name and alias in `outlet_key` form → the outlet's id."""
    global _outlet_cache
    outlets = list(Outlet.objects.order_by("id").values_list("id", "name"))
    aliases = list(OutletAlias.objects.order_by("id").values_list("outlet_id", "text"))
    fingerprint = _fingerprint([*outlets, ("aliases",), *aliases])
    with _lock:
        cached = _outlet_cache
        if cached is None or cached.fingerprint != fingerprint:
            by_key: dict[str, int] = {}
            # Aliases first, names last: an outlet's own name wins over another outlet's alias.
            for outlet_id, text in [*aliases, *outlets]:
                by_key[outlet_key(text)] = outlet_id
            cached = _CachedOutlets(fingerprint, by_key)
            _outlet_cache = cached
    return cached.by_key
