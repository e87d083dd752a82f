"""Freezing a ranking: a canonical JSON form, its SHA-256 content hash, and what changed between revisions.

Pure functions: the snapshot model stores the content and this hash, and anyone can recompute the hash
from the stored content (or from a recomputation of the period) to prove it is the published one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

# The office fields compared between revisions, and those of each indicator (name and tier are identity).
_OFFICE_FIELDS = ("total", "coverage", "graded", "band", "rank", "tier_rank", "superlative")
_INDICATOR_FIELDS = ("actual", "target", "score", "rank")


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """One byte string per document: sorted keys, no whitespace, UTF-8 (Persian kept as is), and no NaN or
    infinity (not JSON, and never a valid score)."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def content_hash(content: Mapping[str, Any]) -> str:
    """The SHA-256 of the canonical JSON, as 64 hex digits."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _changes(old: Mapping[str, Any], new: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, list[Any]]:
    return {name: [old.get(name), new.get(name)] for name in fields if old.get(name) != new.get(name)}


def snapshot_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """What changed from revision N (`old`) to N+1 (`new`), as `[before, after]` pairs.

    Shape: {"framework_changed": bool, "offices_added": [codes], "offices_removed": [codes],
    "offices": {code: {field: [before, after], "axes": {axis: {...}}, "indicators": {code: {...}}}}}, listing
    only offices and fields that changed. An empty diff (`diff_is_empty`) means the revisions agree.
    """
    old_offices = {card["code"]: card for card in old.get("offices", [])}
    new_offices = {card["code"]: card for card in new.get("offices", [])}
    changed: dict[str, Any] = {}
    for code in sorted(old_offices.keys() & new_offices.keys()):
        before, after = old_offices[code], new_offices[code]
        office_changes: dict[str, Any] = _changes(before, after, _OFFICE_FIELDS)
        axes = {
            axis: delta
            for axis in sorted(before.get("axes", {}).keys() | after.get("axes", {}).keys())
            if (delta := _changes(before["axes"].get(axis, {}), after["axes"].get(axis, {}), ("score", "rank")))
        }
        indicators = {
            indicator: delta
            for indicator in sorted(before.get("indicators", {}).keys() | after.get("indicators", {}).keys())
            if (
                delta := _changes(
                    before["indicators"].get(indicator, {}), after["indicators"].get(indicator, {}), _INDICATOR_FIELDS
                )
            )
        }
        if axes:
            office_changes["axes"] = axes
        if indicators:
            office_changes["indicators"] = indicators
        if office_changes:
            changed[code] = office_changes
    return {
        "framework_changed": old.get("framework") != new.get("framework") or old.get("period") != new.get("period"),
        "offices_added": sorted(new_offices.keys() - old_offices.keys()),
        "offices_removed": sorted(old_offices.keys() - new_offices.keys()),
        "offices": changed,
    }


def diff_is_empty(diff: Mapping[str, Any]) -> bool:
    return not (diff["framework_changed"] or diff["offices_added"] or diff["offices_removed"] or diff["offices"])
