"""The audit log's hash chain: how a row is hashed, how rows are appended without forking the chain, and how
the chain is verified.

Every AuditEntry carries `seq` (1, 2, 3, ... with no gaps), `prev_hash` (the hash of row `seq - 1`, or
GENESIS_HASH for the first row) and `hash`, a sha256 over a canonical serialisation of its content and
`prev_hash`. AuditChainHead holds the last (seq, hash). An append locks the head row inside the caller's
transaction, so appends are serialised in commit order and the head and the row commit or roll back together.

What verification proves: an edit, deletion or insertion made with SQL is found at the first row it breaks,
unless the person also recomputed every later hash and the head. The hash is unkeyed on purpose (anyone with a
copy of the database can check it without a secret), so such a full rewrite is possible for someone with
write access to the database; a head recorded elsewhere (`ayneh verify_audit --anchor SEQ:HASH`) catches it.
"""

import datetime as dt
import functools
import hashlib
import ipaddress
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from ayneh.core.models import GENESIS_HASH, AuditChainHead, AuditEntry

# Names the serialisation, so a future change of format can be told apart from tampering.
CHAIN_FORMAT = "ayneh.audit/1"
VERIFY_CHUNK_ROWS = 2000
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{64}")


class ChainFields(Protocol):
    """What a row's hash covers: a saved or unsaved AuditEntry, a historical model in a migration, or a ChainRow."""

    @property
    def seq(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def actor_id(self) -> int | None: ...
    @property
    def office_id(self) -> int | None: ...
    @property
    def action(self) -> str: ...
    @property
    def target_type(self) -> str: ...
    @property
    def target_id(self) -> str: ...
    @property
    def data(self) -> Any: ...
    @property
    def ip_address(self) -> str | None: ...
    @property
    def prev_hash(self) -> str: ...


def entry_canonical(fields: ChainFields) -> bytes:
    """The bytes a row's hash is taken over: one JSON array (sorted keys, no ASCII escaping, no spaces) of the
    format name and the row's values, each written the way it reads back from SQLite and PostgreSQL alike.
    `data` must be as the JSONField gives it back (see `stored_json`)."""
    record = [
        CHAIN_FORMAT,
        fields.seq,
        _utc_timestamp(fields.created_at),
        fields.actor_id,
        fields.office_id,
        str(fields.action),
        str(fields.target_type),
        str(fields.target_id),
        _numbers_by_value(fields.data),
        _canonical_ip(fields.ip_address),
        fields.prev_hash,
    ]
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8", "surrogatepass")


def entry_hash(fields: ChainFields) -> str:
    """sha256 (hex) of the row's canonical serialisation."""
    return hashlib.sha256(entry_canonical(fields)).hexdigest()


def stored_json(data: Any) -> Any:
    """`data` as the JSONField gives it back: tuples become lists, numeric keys strings."""
    return json.loads(json.dumps(data))


def _utc_timestamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    # Always six fraction digits (the default isoformat drops them when they are zero).
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _numbers_by_value(value: Any) -> Any:
    # PostgreSQL's jsonb keeps numbers as decimals: 1e16 comes back as 10000000000000000 (an int to Python),
    # 1.0 as 1.0. So a float with an integral value is hashed as that integer, written out in full.
    if isinstance(value, float) and value.is_integer():
        return int(Decimal(repr(value)))
    if isinstance(value, dict):
        return {key: _numbers_by_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers_by_value(item) for item in value]
    return value


@functools.lru_cache(maxsize=4096)  # the same few addresses recur across a log; parsing them is the slow part
def _canonical_ip(value: str | None) -> str | None:
    # Django shortens IPv6 addresses on save and PostgreSQL's inet type prints them its own way: hash the
    # address, not its spelling. IPv6 is written out from its bytes, which no Python version formats differently.
    if not value:
        return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return value  # stored as given (SQLite keeps any text); it reads back the same
    if address.version == 4:
        return str(address)
    return ":".join(address.packed[i : i + 2].hex() for i in range(0, 16, 2))


# --- Appending -----------------------------------------------------------------------------------------


class AuditChainBroken(RuntimeError):
    """The chain cannot be extended safely (its head row is gone while rows exist)."""


def audit_chain_append(entry: AuditEntry) -> AuditEntry:
    """Give an unsaved `entry` (created_at set) the next link of the chain and INSERT it.

    Runs inside the caller's transaction and keeps the head row locked until that transaction ends: a second
    writer waits there, then chains onto this row, so the chain never forks (PostgreSQL's row lock; SQLite's
    IMMEDIATE transactions already serialise writers). Cost per row: one locking SELECT and one UPDATE of the
    head besides the INSERT.
    """
    # Hashed and kept as it will read back, so the returned entry and the stored row hash alike.
    entry.data = stored_json(entry.data)
    head = _head_for_update()
    entry.seq = head.seq + 1
    entry.prev_hash = head.hash
    entry.hash = entry_hash(entry)
    entry.save(force_insert=True)
    AuditChainHead.objects.filter(pk=head.pk).update(seq=entry.seq, hash=entry.hash)
    return entry


def _head_for_update() -> AuditChainHead:
    heads = AuditChainHead.objects.select_for_update()
    try:
        return heads.get(pk=AuditChainHead.SINGLETON_PK)
    except AuditChainHead.DoesNotExist:
        pass
    # Migrations create the head; a database emptied since (`flush`, tests) starts the chain afresh. A head
    # missing beside existing rows is damage, not a fresh start: restarting at seq 1 would hide it.
    if AuditEntry.objects.exists():
        raise AuditChainBroken("The audit chain's head row is missing; run `ayneh verify_audit`.")
    # ON CONFLICT DO NOTHING: a concurrent first append may be creating it too.
    AuditChainHead.objects.bulk_create([AuditChainHead(pk=AuditChainHead.SINGLETON_PK)], ignore_conflicts=True)
    return heads.get(pk=AuditChainHead.SINGLETON_PK)


# --- Verifying -----------------------------------------------------------------------------------------


class BreakKind(StrEnum):
    EDITED = "edited"  # a row's content no longer matches its own hash
    DELETED = "deleted"  # sequence numbers are missing (in the middle, at the start, or cut off the end)
    INSERTED = "inserted"  # a row that audit_log did not write (out of id order, or past the head)
    RELINKED = "relinked"  # a row's prev_hash differs from the previous row's hash: that row was re-hashed
    HEAD = "head"  # the head row is missing or names a hash the chain does not have
    ANCHOR = "anchor"  # a (seq, hash) recorded earlier is no longer in the chain: it was rewritten


class Link(NamedTuple):
    seq: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> "Link":
        """`SEQ:HASH`, as verify_audit prints the head."""
        seq, sep, digest = text.strip().partition(":")
        if not sep or not seq.isdecimal() or not _HEX_DIGEST.fullmatch(digest):
            raise ValueError(f"expected SEQ:HASH (a number, a colon, 64 hex digits), got {text!r}")
        return cls(int(seq), digest.lower())

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain is broken: at sequence number `seq`, row `entry_id` (None when it is gone)."""

    kind: BreakKind
    seq: int
    entry_id: int | None
    detail: str


@dataclass(frozen=True)
class ChainReport:
    entries: int  # rows verified before the break (all of them when intact)
    head: Link | None
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None


class ChainRow(NamedTuple):
    """One row as verification reads it: the id and what the hash covers, plus the stored hash."""

    id: int
    seq: int
    created_at: dt.datetime
    actor_id: int | None
    office_id: int | None
    action: str
    target_type: str
    target_id: str
    data: Any
    ip_address: str | None
    prev_hash: str
    hash: str


class ChainWalker:
    """Checks rows one at a time in seq order, remembering only the last good link (bounded memory)."""

    def __init__(self, *, watch_seq: int | None = None) -> None:
        self.last = Link(0, GENESIS_HASH)
        self.last_id = 0
        self.count = 0
        self.watch_seq = watch_seq
        self.watched_hash: str | None = None

    def walk(self, rows: Iterable[ChainRow]) -> ChainBreak | None:
        for row in rows:
            if broken := self.check(row):
                return broken
        return None

    def check(self, row: ChainRow) -> ChainBreak | None:
        """The break this row shows, or None (and the row becomes the last good link)."""
        expected = self.last.seq + 1
        if row.seq != expected:
            missing = f"{expected}" if row.seq == expected + 1 else f"{expected}–{row.seq - 1}"
            return ChainBreak(
                BreakKind.DELETED, expected, None, f"seq {missing} missing: the next row is seq {row.seq} (id {row.id})"
            )
        if entry_hash(row) != row.hash:
            return ChainBreak(BreakKind.EDITED, row.seq, row.id, "its content no longer matches its hash")
        # audit_log inserts under the head lock, so ids grow with seq. A row put in later gets a higher id than
        # the rows after it: the row before this one is the newcomer.
        if row.id <= self.last_id:
            return ChainBreak(
                BreakKind.INSERTED,
                self.last.seq,
                self.last_id,
                f"its id is higher than the next row's (seq {row.seq}, id {row.id}): it was put in after them",
            )
        if row.prev_hash != self.last.hash:
            return ChainBreak(
                BreakKind.RELINKED,
                row.seq,
                row.id,
                f"its prev_hash is not the hash of seq {self.last.seq} (id {self.last_id}): that row was rewritten "
                "and re-hashed",
            )
        self.last, self.last_id = Link(row.seq, row.hash), row.id
        self.count += 1
        if row.seq == self.watch_seq:
            self.watched_hash = row.hash
        return None


def audit_chain_verify(*, anchor: Link | None = None, chunk_rows: int = VERIFY_CHUNK_ROWS) -> ChainReport:
    """Walk the whole chain in seq order and report its first break, if any.

    Reads `chunk_rows` rows per query (keyset pagination on seq), so memory does not grow with the log. Safe
    while the application keeps writing: the head is read after the rows it is compared with, and rows
    appended meanwhile are walked too. `anchor` is a head recorded earlier: the chain must still contain it.
    """
    walker = ChainWalker(watch_seq=anchor.seq if anchor else None)
    head = None
    broken = walker.walk(_rows_after(0, chunk_rows))
    if broken is None:
        head = _head_read()
        broken = _check_head(walker, head, chunk_rows)
    if broken is None and anchor is not None:
        broken = _check_anchor(walker, anchor)
    return ChainReport(entries=walker.count, head=head, broken=broken)


def _check_head(walker: ChainWalker, head: Link | None, chunk_rows: int) -> ChainBreak | None:
    if head is None:
        if walker.count == 0:
            return None
        return ChainBreak(BreakKind.HEAD, walker.last.seq, walker.last_id, "the head row is missing")
    # Each read sees every commit made before it began, and a row commits with its head update: so a head read
    # after the rows is at least as far as any row legitimately written.
    if head.seq < walker.last.seq:
        return _beyond_head(head)
    if head.seq > walker.last.seq:
        # Rows written since the walk, or rows cut off the end: this walk starts after the head was read.
        if broken := walker.walk(_rows_after(walker.last.seq, chunk_rows)):
            return broken
        if walker.last.seq < head.seq:
            return ChainBreak(
                BreakKind.DELETED,
                walker.last.seq + 1,
                None,
                f"seq {walker.last.seq + 1}–{head.seq} missing: the head says the chain reaches seq {head.seq}",
            )
    row_hash = walker.last.hash if walker.last.seq == head.seq else _hash_at(head.seq)
    if row_hash != head.hash:
        return ChainBreak(
            BreakKind.HEAD, head.seq, _id_at(head.seq), f"the head names hash {head.hash[:12]}… for this row"
        )
    if walker.last.seq > head.seq and (later := _head_read()) is not None and later.seq < walker.last.seq:
        return _beyond_head(later)
    return None


def _beyond_head(head: Link) -> ChainBreak:
    return ChainBreak(
        BreakKind.INSERTED,
        head.seq + 1,
        _id_at(head.seq + 1),
        f"rows past the head (seq {head.seq}) were written without moving it",
    )


def _check_anchor(walker: ChainWalker, anchor: Link) -> ChainBreak | None:
    if walker.watched_hash is None:
        return ChainBreak(
            BreakKind.ANCHOR, anchor.seq, None, f"the chain ends at seq {walker.last.seq}, before the anchor"
        )
    if walker.watched_hash != anchor.hash:
        return ChainBreak(
            BreakKind.ANCHOR,
            anchor.seq,
            _id_at(anchor.seq),
            f"the row's hash is {walker.watched_hash[:12]}…, the anchor recorded {anchor.hash[:12]}…: "
            "the chain was rewritten up to here",
        )
    return None


def _rows_after(seq: int, chunk_rows: int) -> Iterator[ChainRow]:
    while True:
        rows = AuditEntry.objects.filter(seq__gt=seq).order_by("seq").values_list(*ChainRow._fields)[:chunk_rows]
        chunk = [ChainRow(*values) for values in rows]
        yield from chunk
        if len(chunk) < chunk_rows:
            return
        seq = chunk[-1].seq


def _head_read() -> Link | None:
    values = AuditChainHead.objects.filter(pk=AuditChainHead.SINGLETON_PK).values_list("seq", "hash").first()
    return Link(*values) if values else None


def _hash_at(seq: int) -> str | None:
    return AuditEntry.objects.filter(seq=seq).values_list("hash", flat=True).first()


def _id_at(seq: int) -> int | None:
    return AuditEntry.objects.filter(seq=seq).values_list("id", flat=True).first()
