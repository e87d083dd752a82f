"""The office registry as plain data: who the PR offices are, how they nest, and how news text names them.

The registry file (default: ``ayneh/data/offices.json``; any file of the same schema may be passed with
``--offices``) has the shape::

    {"version": 1, "offices": [{"code": "dg-khuzestan", "name": "...", "short_name": "...",
      "tier": "ministry|provincial_dg|hq_unit|affiliated", "parent": "ministry" | null,
      "province": "خوزستان" | null, "aliases": ["...", ...]}]}

``load_registry`` validates the whole file and raises ``RegistryError`` naming the offending office and
field, so a hand-edited file fails loudly instead of silently matching nothing. This module is pure Python
(no Django): the text analyser and the Django ``offices`` app both read the same file through it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_REGISTRY_PATH = Path(__file__).resolve().parent.parent / "data" / "offices.json"
SUPPORTED_VERSION = 1
TIERS = frozenset({"ministry", "provincial_dg", "hq_unit", "affiliated"})
_MAX_CODE_LENGTH = 64  # the Django Office.code column is a SlugField(max_length=64)
_CODE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class RegistryError(ValueError):
    """The registry file is unreadable or breaks the schema; the message says where and why."""


@dataclass(frozen=True, slots=True)
class OfficeEntry:
    """One office. ``parent`` is another entry's code (None for a root); ``province`` is the province's
    official name for offices that belong to one province, else None."""

    code: str
    name: str
    tier: str
    province: str | None
    parent: str | None
    aliases: tuple[str, ...]
    short_name: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form of this office: official name, short name, then aliases, without repeats."""
        return tuple(dict.fromkeys(n for n in (self.name, self.short_name, *self.aliases) if n))


class Registry:
    """An immutable, validated set of offices forming a forest (normally one tree under "ministry").

    Construction validates: unique codes, known tiers, parents that exist, no parent cycles.
    """

    def __init__(self, entries: Sequence[OfficeEntry]) -> None:
        self._entries: tuple[OfficeEntry, ...] = tuple(entries)
        by_code: dict[str, OfficeEntry] = {}
        for entry in self._entries:
            if entry.code in by_code:
                raise RegistryError(f"duplicate office code {entry.code!r}")
            if entry.tier not in TIERS:
                raise RegistryError(
                    f"office {entry.code!r}: unknown tier {entry.tier!r} (expected one of {sorted(TIERS)})"
                )
            by_code[entry.code] = entry
        for entry in self._entries:
            if entry.parent is not None and entry.parent not in by_code:
                raise RegistryError(f"office {entry.code!r}: unknown parent {entry.parent!r}")
        self._by_code: Mapping[str, OfficeEntry] = by_code
        self._check_no_cycles()
        children: dict[str | None, list[OfficeEntry]] = {}
        for entry in self._entries:
            children.setdefault(entry.parent, []).append(entry)
        self._children = {parent: tuple(kids) for parent, kids in children.items()}

    def _check_no_cycles(self) -> None:
        for entry in self._entries:
            seen = {entry.code}
            parent = entry.parent
            while parent is not None:
                if parent in seen:
                    raise RegistryError(f"office {entry.code!r}: its parent chain loops back through {parent!r}")
                seen.add(parent)
                parent = self._by_code[parent].parent

    def __iter__(self) -> Iterator[OfficeEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def entries(self) -> tuple[OfficeEntry, ...]:
        """All offices in file order (parents may come after children)."""
        return self._entries

    def get(self, code: str) -> OfficeEntry | None:
        return self._by_code.get(code)

    def __getitem__(self, code: str) -> OfficeEntry:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no office with code {code!r}") from None

    def roots(self) -> tuple[OfficeEntry, ...]:
        return self._children.get(None, ())

    def children(self, code: str) -> tuple[OfficeEntry, ...]:
        """The direct children of ``code`` (empty for a leaf)."""
        return self._children.get(code, ())

    def ancestors(self, code: str) -> tuple[OfficeEntry, ...]:
        """The parent chain of ``code``, nearest first, root last."""
        chain: list[OfficeEntry] = []
        parent = self[code].parent
        while parent is not None:
            entry = self._by_code[parent]
            chain.append(entry)
            parent = entry.parent
        return tuple(chain)

    def in_province(self, province: str) -> tuple[OfficeEntry, ...]:
        """Offices whose province is exactly ``province`` (the official name)."""
        return tuple(e for e in self._entries if e.province == province)

    def by_tier(self, tier: str) -> tuple[OfficeEntry, ...]:
        return tuple(e for e in self._entries if e.tier == tier)


def load_registry(path: str | Path | None = None) -> Registry:
    """Read and validate a registry file (the shipped ministry network when ``path`` is None)."""
    source = Path(path) if path is not None else DEFAULT_REGISTRY_PATH
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"cannot read office registry {source}: {exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RegistryError(f"office registry {source} is not valid UTF-8 JSON: {exc}") from exc
    return registry_from_data(raw, source=str(source))


def registry_from_data(raw: Any, *, source: str = "<data>") -> Registry:
    """Validate an already-parsed registry document (see the module docstring) and build a Registry."""
    if not isinstance(raw, dict):
        raise RegistryError(f"{source}: the top level must be an object with 'version' and 'offices'")
    if raw.get("version") != SUPPORTED_VERSION:
        raise RegistryError(f"{source}: unsupported version {raw.get('version')!r} (expected {SUPPORTED_VERSION})")
    offices = raw.get("offices")
    if not isinstance(offices, list):
        raise RegistryError(f"{source}: 'offices' must be a list")
    try:
        return Registry([_entry_from_data(item, index) for index, item in enumerate(offices)])
    except RegistryError as exc:
        raise RegistryError(f"{source}: {exc}") from None


def _entry_from_data(item: Any, index: int) -> OfficeEntry:
    if not isinstance(item, dict):
        raise RegistryError(f"offices[{index}] must be an object")
    code = item.get("code")
    where = f"office {code!r}" if isinstance(code, str) and code else f"offices[{index}]"
    if not isinstance(code, str) or not code:
        raise RegistryError(f"{where}: 'code' must be a non-empty string")
    if len(code) > _MAX_CODE_LENGTH or not set(code) <= _CODE_CHARACTERS:
        raise RegistryError(f"{where}: 'code' must be an ASCII slug (a-z, 0-9, '-'), at most {_MAX_CODE_LENGTH} long")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where}: 'name' must be a non-empty string")
    tier = item.get("tier")
    if not isinstance(tier, str):
        raise RegistryError(f"{where}: 'tier' must be a string")
    short_name = item.get("short_name") or ""
    parent = item.get("parent")
    province = item.get("province")
    for field, value in (("short_name", short_name), ("parent", parent), ("province", province)):
        if value is not None and not isinstance(value, str):
            raise RegistryError(f"{where}: {field!r} must be a string or null")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise RegistryError(f"{where}: 'aliases' must be a list of non-empty strings")
    return OfficeEntry(
        code=code,
        name=name.strip(),
        tier=tier,
        province=province or None,
        parent=parent or None,
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases)),
        short_name=short_name.strip(),
    )
