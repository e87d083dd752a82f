"""``ayneh analyze`` and ``ayneh near-duplicates``: the text library from the command line, without Django.

Contract (issue 3; later tools rely on it):

- ``analyze FILE|- [--published YYYY-MM-DD] [--offices REGISTRY.json] --json`` prints one JSON object,
  ``Analysis.to_json()`` (see ``ayneh.text.analyze``). Without ``--json`` the same object is pretty-printed.
- ``analyze --jsonl IN.jsonl|-`` reads lines ``{"id", "text", "published"?}`` and streams one line per input
  line: ``{"id", ...the object above}``, or ``{"id", "error"}`` when that line cannot be read (bad JSON, no
  text, bad date) — the run goes on. ``--published`` is the default for lines without one. A progress bar
  goes to stderr when stderr is a terminal or the input is long.
- ``near-duplicates --jsonl IN.jsonl|-`` reads ``{"id", "text"}`` lines and writes ``{"id", "group"}`` per
  document (the same group for versions of one story; ``ayneh.text.neardup.group_documents``), or
  ``{"id", "error"}`` for an unreadable line.

Exit status: 0 when the run completed (per-line errors included, counted on stderr), 2 for a usage error,
a missing or unreadable input file, a bad ``--published`` date or a bad office registry.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ayneh.text.analyze import analyse
from ayneh.text.registry import Registry, RegistryError, load_registry

USAGE_ERROR = 2
LONG_INPUT_BYTES = 1 << 20
"""Inputs at least this long get a progress bar even when stderr is not a terminal."""


class CliError(Exception):
    """A problem with the command's arguments or input as a whole: reported on stderr, exit status 2."""


@dataclass(frozen=True, slots=True)
class _Line:
    """One JSON Lines record: its id (None when unreadable) and either its fields or the reason it failed."""

    id: Any
    number: int
    fields: dict[str, Any] | None
    error: str | None


def main(argv: list[str] | None = None) -> int:
    """Run one command (``argv`` without the program name, e.g. ``["analyze", "x.txt", "--json"]``)."""
    parser = _parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # argparse exits for --help (0) and usage errors (2, message already printed)
        return exc.code if isinstance(exc.code, int) else USAGE_ERROR
    try:
        return int(args.run(args))
    except CliError as exc:
        print(f"ayneh {args.command}: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, and keep Python from complaining at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - must stay open until the interpreter exits
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ayneh", description="Read Persian news text (no database needed).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="outlet, credited office, people, quotes, dates, provinces and organisations of a news text",
        description="Analyse one text (FILE, or - for stdin) or a JSON Lines file of texts (--jsonl).",
    )
    analyze.add_argument("file", nargs="?", help="a UTF-8 text file, or - for stdin")
    analyze.add_argument("--jsonl", metavar="IN.jsonl", help='lines {"id", "text", "published"?}; - for stdin')
    analyze.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date: anchors relative dates"
    )
    analyze.add_argument("--offices", metavar="REGISTRY.json", help="office registry (default: the ministry network)")
    analyze.add_argument("--json", action="store_true", help="print compact JSON (default: indented)")
    analyze.set_defaults(run=_run_analyze)

    near = commands.add_parser(
        "near-duplicates",
        help="group versions of one story",
        description='Read lines {"id", "text"} and write {"id", "group"}: one group per story.',
    )
    near.add_argument("--jsonl", metavar="IN.jsonl", required=True, help="- for stdin")
    near.set_defaults(run=_run_near_duplicates)
    return parser


def _iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


# --- analyze ---------------------------------------------------------------------------------------------


def _run_analyze(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.jsonl is None):
        raise CliError("give either FILE (or -) or --jsonl IN.jsonl")
    registry = _registry(args.offices)
    if args.file is not None:
        with _open_input(args.file) as (stream, _size):
            text = _decode(stream.read(), args.file)
        result = analyse(text, published=args.published, registry=registry).to_json()
        print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
        return 0

    failed = 0
    with _open_input(args.jsonl) as (stream, size):
        for line in _progress(_read_lines(stream), size):
            record = _analysed(line, default_published=args.published, registry=registry)
            failed += "error" in record
            _write(record)
    _report_failures(failed, "analyze")
    return 0


def _analysed(
    line: _Line,
    *,
    default_published: datetime.date | None,
    registry: Registry | None,
) -> dict[str, Any]:
    """The output record of one JSON Lines input record."""
    if line.error is not None or line.fields is None:
        return {"id": line.id, "error": line.error}
    published, date_error = _line_date(line.fields, default=default_published)
    if date_error is not None:
        return {"id": line.id, "error": f"line {line.number}: {date_error}"}
    try:
        result = analyse(line.fields["text"], published=published, registry=registry).to_json()
    except Exception as exc:  # one bad article must not stop a batch of thousands; the line says why
        return {"id": line.id, "error": f"line {line.number}: analysis failed: {type(exc).__name__}: {exc}"}
    return {"id": line.id, **result}


def _registry(path: str | None) -> Registry | None:
    if path is None:
        return None
    try:
        return load_registry(path)
    except RegistryError as exc:
        raise CliError(f"bad office registry: {exc}") from None


def _line_date(fields: dict[str, Any], *, default: datetime.date | None) -> tuple[datetime.date | None, str | None]:
    value = fields.get("published")
    if value is None:
        return default, None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10]), None
        except ValueError:
            pass
    return None, f"'published' is not a date in the form YYYY-MM-DD: {value!r}"


# --- near-duplicates -------------------------------------------------------------------------------------


def _run_near_duplicates(args: argparse.Namespace) -> int:
    from ayneh.text.neardup import group_documents

    failed = 0

    def documents(lines: Iterable[_Line]) -> Iterator[tuple[str, str]]:
        nonlocal failed
        for line in lines:
            if line.error is None and line.fields is not None:
                yield str(line.id), line.fields["text"]
            else:
                failed += 1
                _write({"id": line.id, "error": line.error})

    with _open_input(args.jsonl) as (stream, size):
        for doc_id, group in group_documents(documents(_progress(_read_lines(stream), size))):
            _write({"id": doc_id, "group": group})
    _report_failures(failed, "near-duplicates")
    return 0


# --- input and output ------------------------------------------------------------------------------------


@contextmanager
def _open_input(name: str) -> Iterator[tuple[IO[bytes], int | None]]:
    """The input as a binary stream and its size in bytes (None for stdin)."""
    if name == "-":
        yield sys.stdin.buffer, None
        return
    path = Path(name)
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise CliError(f"no such file: {name}") from None
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None
    with stream:
        yield stream, path.stat().st_size


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{name} is not UTF-8 text (byte {exc.start})") from None


def _read_lines(stream: IO[bytes]) -> Iterator[tuple[int, _Line]]:
    """Each non-blank line as (its length in bytes, the parsed record)."""
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield len(raw), _parse_line(raw, number)


def _parse_line(raw: bytes, number: int) -> _Line:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _Line(None, number, None, f"line {number}: not UTF-8")
    except json.JSONDecodeError as exc:
        return _Line(None, number, None, f"line {number}: not JSON ({exc.msg})")
    if not isinstance(record, dict):
        return _Line(None, number, None, f"line {number}: not a JSON object")
    line_id = record.get("id")
    if line_id is None or isinstance(line_id, (dict, list, bool)):
        return _Line(None, number, None, f"line {number}: 'id' must be a string or a number")
    if not isinstance(record.get("text"), str):
        return _Line(line_id, number, None, f"line {number}: 'text' must be a string")
    return _Line(line_id, number, record, None)


def _progress(lines: Iterator[tuple[int, _Line]], size: int | None) -> Iterator[_Line]:
    """The records, with a progress bar (in bytes of input) on stderr for a terminal or a long input."""
    show = sys.stderr.isatty() or (size is not None and size >= LONG_INPUT_BYTES)
    if not show:
        for _length, line in lines:
            yield line
        return
    from tqdm import tqdm

    with tqdm(total=size, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, leave=False) as bar:
        for length, line in lines:
            bar.update(length)
            yield line


def _write(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _report_failures(failed: int, command: str) -> None:
    if failed:
        print(f"ayneh {command}: {failed} line(s) could not be read (see their 'error')", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
