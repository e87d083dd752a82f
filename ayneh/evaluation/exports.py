"""A published ranking as tables: the rows the ranking page shows, and the same rows as an Excel workbook.

Everything here reads one snapshot's frozen content (`ranking.ranking_build`'s document), never the live
measurements, so the page and the file always agree with the published revision and its content hash.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ayneh.core.jalali import format_jalali
from ayneh.evaluation.models import RankingSnapshot
from ayneh.offices.models import Tier

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel refuses sheet titles longer than this or containing any of these characters.
_SHEET_TITLE_LIMIT = 31
_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))
_HEADER_FONT = Font(bold=True)


def superlative_phrase() -> str:
    """What a PR office may write in its news when the snapshot says the superlative holds."""
    return _("Excellent grade and best in the country on every indicator")


def tier_label(tier: str) -> str:
    return str(Tier(tier).label) if tier in Tier.values else tier


@dataclass(frozen=True, slots=True)
class AxisColumn:
    code: str
    name: str
    weight: float


@dataclass(frozen=True, slots=True)
class RankingRow:
    """One office's line of the national ranking; `axis_scores` follow `RankingTable.axes`' order."""

    code: str
    name: str
    tier: str
    tier_label: str
    rank: int | None
    tier_rank: int | None
    total: float | None
    coverage_percent: float
    graded: bool
    band_name: str | None
    superlative: bool
    axis_scores: tuple[float | None, ...]
    axis_ranks: tuple[int | None, ...]


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One office's measurement of one indicator, as frozen in the snapshot (score as a percentage)."""

    code: str
    name: str
    tier_label: str
    actual: float | None
    target: float | None
    score_percent: float | None
    rank: int | None


@dataclass(frozen=True, slots=True)
class RankingTable:
    axes: tuple[AxisColumn, ...]
    rows: tuple[RankingRow, ...]


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 2)


def ranking_table(content: Mapping[str, Any]) -> RankingTable:
    """The ranking's rows in published order (national rank, ungraded offices last)."""
    axes = tuple(
        AxisColumn(code=axis["code"], name=axis["name"], weight=axis["weight"]) for axis in content["framework"]["axes"]
    )
    rows = tuple(
        RankingRow(
            code=card["code"],
            name=card["name"],
            tier=card["tier"],
            tier_label=tier_label(card["tier"]),
            rank=card["rank"],
            tier_rank=card["tier_rank"],
            total=card["total"],
            coverage_percent=_percent(card["coverage"]) or 0.0,
            graded=card["graded"],
            band_name=card["band_name"],
            superlative=card["superlative"],
            axis_scores=tuple(card["axes"].get(axis.code, {}).get("score") for axis in axes),
            axis_ranks=tuple(card["axes"].get(axis.code, {}).get("rank") for axis in axes),
        )
        for card in content["offices"]
    )
    return RankingTable(axes=axes, rows=rows)


def indicator_rows(content: Mapping[str, Any], indicator_code: str) -> list[IndicatorRow]:
    """Every office's measurement of one indicator, best rank first (offices without data last)."""
    rows = []
    for card in content["offices"]:
        entry = card["indicators"].get(indicator_code, {})
        rows.append(
            IndicatorRow(
                code=card["code"],
                name=card["name"],
                tier_label=tier_label(card["tier"]),
                actual=entry.get("actual"),
                target=entry.get("target"),
                score_percent=_percent(entry.get("score")),
                rank=entry.get("rank"),
            )
        )
    rows.sort(key=lambda row: (row.rank is None, row.rank or 0, row.code))
    return rows


# --- Excel ----------------------------------------------------------------------------------------------


def _sheet_title(number: int, code: str, taken: set[str]) -> str:
    """A valid, unique sheet title from an indicator's position and code («3 news.volume»)."""
    title = f"{number} {code}".translate(_SHEET_TITLE_FORBIDDEN)[:_SHEET_TITLE_LIMIT]
    while title in taken:
        title = f"{title[: _SHEET_TITLE_LIMIT - 1]}_"
    taken.add(title)
    return title


def _header(sheet: Worksheet, titles: Sequence[str]) -> None:
    sheet.append(list(titles))
    for cell in sheet[sheet.max_row]:
        cell.font = _HEADER_FONT
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a coordinate: taking a cell would add an empty row


def _rtl_sheet(sheet: Worksheet, *, heading: str, note: str) -> None:
    sheet.sheet_view.rightToLeft = True
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([note])
    sheet.append([])


def _ranking_sheet(sheet: Worksheet, *, snapshot: RankingSnapshot, table: RankingTable, note: str) -> None:
    content = snapshot.content
    _rtl_sheet(sheet, heading=_("National ranking — %(period)s") % {"period": content["period"]["title"]}, note=note)
    _header(
        sheet,
        [
            _("National rank"),
            _("Office code"),
            _("Office"),
            _("Tier"),
            _("Rank in tier"),
            _("Total (0–100)"),
            _("Grade"),
            _("Data coverage (%)"),
            _("Superlative"),
            *(axis.name for axis in table.axes),
        ],
    )
    phrase = superlative_phrase()
    for row in table.rows:
        sheet.append(
            [
                row.rank,
                row.code,
                row.name,
                row.tier_label,
                row.tier_rank,
                row.total,
                row.band_name or (_("Not graded") if not row.graded else ""),
                row.coverage_percent,
                phrase if row.superlative else "",
                *row.axis_scores,
            ]
        )
    sheet.column_dimensions["C"].width = 48
    sheet.column_dimensions["I"].width = 40


def _indicator_sheet(sheet: Worksheet, *, indicator: Mapping[str, Any], content: Mapping[str, Any]) -> None:
    _rtl_sheet(sheet, heading=indicator["name"], note=indicator["code"])
    _header(
        sheet,
        [_("Rank"), _("Office code"), _("Office"), _("Tier"), _("Value"), _("Target"), _("Score (%)")],
    )
    for row in indicator_rows(content, indicator["code"]):
        sheet.append([row.rank, row.code, row.name, row.tier_label, row.actual, row.target, row.score_percent])
    sheet.column_dimensions["C"].width = 48


def ranking_workbook(snapshot: RankingSnapshot) -> bytes:
    """The snapshot as an .xlsx file: a right-to-left ranking sheet (one row per office, one column per
    axis) and one sheet per indicator. Numbers are stored as numbers (Excel formats them); empty cells
    are "no data"."""
    content = snapshot.content
    note = _("Revision %(revision)s, published %(date)s; content hash %(hash)s") % {
        "revision": snapshot.revision,
        "date": format_jalali(snapshot.published_at),
        "hash": snapshot.content_hash,
    }
    workbook = Workbook()
    ranking_sheet = workbook.active
    ranking_sheet.title = _("Ranking")[:_SHEET_TITLE_LIMIT]
    _ranking_sheet(ranking_sheet, snapshot=snapshot, table=ranking_table(content), note=note)
    taken = {ranking_sheet.title}
    for number, indicator in enumerate(content["framework"]["indicators"], start=1):
        sheet = workbook.create_sheet(_sheet_title(number, indicator["code"], taken))
        _indicator_sheet(sheet, indicator=indicator, content=content)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
