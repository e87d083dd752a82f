"""CSV and Excel exports of any list a page shows: one table (headers and rows) in, a download out.

A page describes its list once as `Column`s (a Persian header and how to read the value from a row) and
calls `export_response(format, ...)`. Cells are made safe and readable here, in one place:

- *Formula injection.* A text cell that begins with = + - @ (or a tab or carriage return) is read as a
  formula by Excel and LibreOffice — an article title «=HYPERLINK(...)» from a hostile outlet would run in
  the analyst's spreadsheet. Such text is prefixed with an apostrophe, which spreadsheets show as text.
  Numbers stay numbers (a negative count is not a formula).
- *Dates* are Solar Hijri, «1403/09/07 14:30» in Iran local time, with Latin digits so a spreadsheet
  sorts and filters them as written (the interface itself shows Persian digits).
- *CSV* is UTF-8 with a byte order mark: without it Excel opens Persian text as mojibake.
- *Excel* (.xlsx, openpyxl) sheets are right-to-left, with a bold header row.

`ayneh.monitoring` pages use it; any page may (search results, source health).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from ayneh.core.jalali import to_jalali

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
BOM = "\ufeff"

# What makes a spreadsheet read a text cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit on the characters of one cell; a longer text would make the file fail to open.
MAX_CELL_CHARS = 32_767
# Excel's limit on a sheet's name, and the characters a name may not hold.
MAX_SHEET_TITLE = 31
_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))

Cell = str | int | float


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported list: its header (shown to people, so translated) and its value."""

    header: str
    value: Callable[[Any], Any]


def guard_text(text: str) -> str:
    """`text` as a spreadsheet shows it literally: formula-like text gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def jalali_text(value: dt.datetime | dt.date) -> str:
    """«1403/09/07 14:30» (a datetime, Iran local time) or «1403/09/07» (a date), Latin digits."""
    j = to_jalali(value)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    if isinstance(value, dt.datetime):
        text += f" {j.hour:02d}:{j.minute:02d}"
    return text


def cell(value: Any) -> Cell:
    """One value as an exported cell: numbers as numbers, dates in Jalali, yes/no in words, text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return jalali_text(value)
    return guard_text(str(value)[:MAX_CELL_CHARS])


def table_rows(columns: Sequence[Column], items: Iterable[Any]) -> list[list[Cell]]:
    return [[cell(column.value(item)) for column in columns] for item in items]


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The table as CSV text, UTF-8 with a byte order mark (Excel reads Persian correctly then)."""
    stream = io.StringIO()
    stream.write(BOM)
    writer = csv.writer(stream)
    writer.writerow([guard_text(header) for header in headers])
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]], *, title: str) -> bytes:
    """The table as an .xlsx workbook of one right-to-left sheet named `title`."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title.translate(_SHEET_TITLE_FORBIDDEN)[:MAX_SHEET_TITLE] or "Sheet"
    sheet.sheet_view.rightToLeft = True
    sheet.append([guard_text(header) for header in headers])
    for header_cell in sheet[1]:
        header_cell.font = Font(bold=True)
    for row in rows:
        # Control characters (a stray \x0b in scraped text) make openpyxl refuse the cell: dropped.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row])
    sheet.freeze_panes = "A2"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def export_filename(name: str, extension: str, *, now: dt.datetime | None = None) -> str:
    """«ayneh-<name>-14030907.<extension>»: ASCII (every browser keeps it), dated in Jalali."""
    j = to_jalali(now or timezone.now())
    return f"ayneh-{name}-{j.year:04d}{j.month:02d}{j.day:02d}.{extension}"


def export_response(
    fmt: str, *, name: str, title: str, columns: Sequence[Column], items: Iterable[Any]
) -> HttpResponse:
    """A download of `items` as CSV or Excel (`fmt` is "csv" or "xlsx"; anything else is a ValueError)."""
    headers = [column.header for column in columns]
    rows = table_rows(columns, items)
    if fmt == "csv":
        body, content_type = csv_bytes(headers, rows), CSV_CONTENT_TYPE
    elif fmt == "xlsx":
        body, content_type = xlsx_bytes(headers, rows, title=title), XLSX_CONTENT_TYPE
    else:
        raise ValueError(f"unknown export format: {fmt!r}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(name, fmt)}"'
    return response
