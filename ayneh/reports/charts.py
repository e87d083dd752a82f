"""Charts of a published ranking as SVG, drawn by pygal on the server, for the pages and for the PDFs.

Why pygal and why two label modes:

- The PDFs are made by WeasyPrint, which runs no JavaScript, so a chart must be finished SVG when it leaves
  the server; pygal writes SVG (text stays `<text>`, so the browser shapes Persian itself) and matplotlib
  cannot shape Arabic script at all. Its JavaScript (tooltips) is switched off and stripped.
- WeasyPrint draws SVG `<text>` one character at a time (weasyprint/svg/text.py lays out each letter
  alone), so Persian words inside an SVG come out as unjoined letters in reversed order. Only text without
  Arabic-script letters survives there. So a chart has two label modes: `TEXT` puts the Persian names in the
  SVG (the browser), `KEYED` puts numbers (Persian digits, each a glyph of its own, left to right like
  WeasyPrint draws them) and returns a key that the PDF prints as HTML next to the chart, where Pango
  shapes it. Series names are never inside the SVG: both modes return a legend that the template prints.
- The page's CSP allows no inline `<style>`: for the browser the SVG is inlined without its `<style>` and
  styled by reports/charts.css, which is pygal's own CSS for `CHART_STYLE` (regenerate it with
  `python -m ayneh.reports.charts`; a test checks it is current). The PDF keeps the `<style>`.

Every number comes from a published snapshot's content: nothing here recomputes a score.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pygal
from lxml import etree
from pygal.style import Style

from ayneh.core.jalali import persian_digits

# pygal appends an old-style import hook (find_module only, no find_spec) to sys.meta_path for its map
# plugins, which Ayneh does not use. Python's own import system skips such a finder, but tools that call
# find_spec on every finder (pytest's importlib import mode) fail on it; so it is taken out again.
sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"]

SVG_NS = "http://www.w3.org/2000/svg"
CSS_PATH = Path(__file__).parent / "static" / "reports" / "charts.css"
ROOT_CLASS = "ayneh-chart"
# The series colours: the site's primary, accent, then distinguishable companions.
COLORS = ("#0e5a66", "#a3782b", "#1f5a8c", "#a3231e", "#1d6b3a", "#6b4c9a")
CHART_STYLE = Style(
    font_family='Vazirmatn, Tahoma, "Segoe UI", sans-serif',
    background="transparent",
    plot_background="transparent",
    foreground="#1d2730",
    foreground_strong="#1d2730",
    foreground_subtle="#5c6873",
    colors=COLORS,
    label_font_size=13,
    major_label_font_size=13,
    opacity=".35",
    opacity_hover=".5",
)
_CHART_ID = re.compile(r"#chart-[0-9a-f-]{36}")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class Labels(enum.Enum):
    TEXT = "text"  # Persian names inside the SVG: for the browser
    KEYED = "keyed"  # numbers inside the SVG and a key beside it: for WeasyPrint


@dataclass(frozen=True, slots=True)
class LegendEntry:
    name: str
    color: str  # "color-0": a class of charts.css / the PDF stylesheet


@dataclass(frozen=True, slots=True)
class KeyEntry:
    number: str  # as drawn in the SVG (Persian digits)
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    svg: str  # sanitised markup, safe to inline
    legend: tuple[LegendEntry, ...]
    key: tuple[KeyEntry, ...]  # empty in Labels.TEXT mode
    points: int  # data points drawn (values that are not None), for the alt text and tests


@dataclass(frozen=True, slots=True)
class TrendPoint:
    label: str  # the period's title
    total: float | None
    rank: int | None


def fa_number(value: float | None, places: int = 1) -> str:
    """«۸۲٫۵», «۴۰»: Persian digits and decimal separator, no trailing zeros."""
    if value is None:
        return ""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places else f"{round(value)}"
    return persian_digits(text).replace(".", "٫")


def _labels(names: Sequence[str], mode: Labels) -> tuple[list[str], tuple[KeyEntry, ...]]:
    if mode is Labels.TEXT:
        return list(names), ()
    numbers = [persian_digits(number) for number in range(1, len(names) + 1)]
    return numbers, tuple(KeyEntry(number=n, label=name) for n, name in zip(numbers, names, strict=True))


def _config(**options: object) -> dict[str, object]:
    return {
        "style": CHART_STYLE,
        "js": [],
        "show_legend": False,
        "disable_xml_declaration": True,
        "explicit_size": False,
        "pretty_print": False,
        "print_values": False,
        "truncate_label": -1,  # never cut a Persian name
        "no_data_text": "",  # pygal's English «No data»: the templates say it in Persian instead of a chart
        **options,
    }


def _sanitised(chart: pygal.graph.graph.Graph, *, keep_style: bool, title: str) -> str:
    """pygal's SVG without scripts, comments, event handlers, style attributes, external links or the
    tooltip overlay (it needs the JavaScript); `<style>` kept only for WeasyPrint (no CSP there)."""
    root = etree.fromstring(chart.render(is_unicode=True).encode())
    for node in list(root.iter()):
        if not isinstance(node.tag, str):  # comments, processing instructions
            node.getparent().remove(node)
            continue
        local = etree.QName(node).localname
        parent = node.getparent()
        # Tooltip data (`desc`, inner `title`: pygal's JavaScript reads them) is dropped with the script.
        dropped = local in ("script", "foreignObject", "desc") or (local == "title" and parent is not root)
        if dropped or (local == "style" and not keep_style):
            parent.remove(node)
            continue
        if "tooltip-overlay" in (node.get("class") or "").split() and parent is not None:
            parent.remove(node)
            continue
        for name in list(node.attrib):
            lowered = etree.QName(name).localname.lower()
            external_link = lowered == "href" and not node.attrib[name].startswith("#")
            if lowered.startswith("on") or lowered == "style" or external_link:
                del node.attrib[name]
    if keep_style:
        root.set("width", str(chart.config.width))
        root.set("height", str(chart.config.height))
    root.set("class", f"{root.get('class', '')} {ROOT_CLASS}".strip())
    root.set("role", "img")
    root.set("aria-label", title)
    del root.attrib["id"]  # a random id per render; the CSS hangs on the class instead
    for node in root.iter(f"{{{SVG_NS}}}title"):
        node.text = title
    markup = etree.tostring(root, encoding="unicode")
    if keep_style:  # pygal scopes its CSS to the random id it just gave the root: rescope to the class
        markup = _CHART_ID.sub(f"svg.{ROOT_CLASS}", markup)
    return markup


def _count(values: Sequence[float | None]) -> int:
    return sum(value is not None for value in values)


def radar_chart(
    *,
    title: str,
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    mode: Labels,
) -> Chart:
    """One polygon per series over the axes (scores 0–100); `series` are (name, one value per axis).

    Every value must be there: pygal draws a missing one at the centre, as if it were 0, so the caller leaves
    out the axes without data instead (`figures.axes_radar`)."""
    if any(value is None for _, values in series for value in values):
        raise ValueError("a radar cannot show a missing value; leave the axis out")
    labels, key = _labels(axes, mode)
    # Numbers stand upright (360° is pygal's "no turn": 0 would mean "along the axis"); names follow the axis.
    rotation = 360 if mode is Labels.KEYED else 0
    chart = pygal.Radar(
        **_config(
            width=560,
            height=440,
            fill=True,
            range=(0, 100),
            dots_size=3,
            margin=24,
            spacing=8,
            x_label_rotation=rotation,
        )
    )
    chart.x_labels = labels
    chart.y_labels = [0, 20, 40, 60, 80, 100]
    chart.value_formatter = fa_number
    for name, values in series:
        chart.add(name, list(values))
    legend = tuple(LegendEntry(name=name, color=f"color-{index}") for index, (name, _) in enumerate(series))
    return Chart(
        svg=_sanitised(chart, keep_style=mode is Labels.KEYED, title=title),
        legend=legend,
        key=key,
        points=sum(_count(values) for _, values in series),
    )


def trend_chart(*, title: str, points: Sequence[TrendPoint], total_name: str, rank_name: str, mode: Labels) -> Chart:
    """The total (0–100, left axis) and the national rank (right axis) over published periods, oldest first."""
    labels, key = _labels([point.label for point in points], mode)
    ranks = [point.rank for point in points]
    # The rank axis shares the total's six ticks: a range of 1 + 5k puts a whole rank on each of them.
    per_tick = max(1, -(-(max((rank for rank in ranks if rank is not None), default=1) - 1) // 5))
    # pygal guesses label widths from Latin digits; Vazirmatn's Persian digits are wider: room on both sides.
    chart = pygal.Line(
        **_config(
            width=560,
            height=320,
            range=(0, 100),
            secondary_range=(1, 1 + 5 * per_tick),
            dots_size=4,
            margin=16,
            spacing=8,
            margin_left=32,
            margin_right=32,
        )
    )
    chart.x_labels = labels
    chart.y_labels = [0, 20, 40, 60, 80, 100]
    chart.value_formatter = fa_number
    totals = [point.total for point in points]
    chart.add(total_name, totals)
    legend = [LegendEntry(name=total_name, color="color-0")]
    if any(rank is not None for rank in ranks):  # pygal cannot scale a secondary axis without a value
        chart.add(rank_name, ranks, secondary=True, formatter=lambda value: fa_number(value, 0))
        legend.append(LegendEntry(name=rank_name, color="color-1"))
    return Chart(
        svg=_sanitised(chart, keep_style=mode is Labels.KEYED, title=title),
        legend=tuple(legend),
        key=key,
        points=_count(totals) + _count(ranks),
    )


def _nice_step(top: int, *, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten that divides 0..top into at most about `ticks` intervals."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= factor * magnitude * ticks:
                return factor * magnitude
        magnitude *= 10


def band_chart(*, title: str, bands: Sequence[tuple[str, int]], series_name: str, mode: Labels) -> Chart:
    """How many offices fall in each grade band (`bands`: (name, count) from the best band down)."""
    labels, key = _labels([name for name, _ in bands], mode)
    counts = [count for _, count in bands]
    chart = pygal.Bar(**_config(width=560, height=300, margin=16, spacing=8, margin_left=32))
    chart.x_labels = labels
    step = _nice_step(max(counts, default=0))
    chart.y_labels = list(range(0, max(counts, default=0) + step + 1, step))
    chart.value_formatter = lambda value: fa_number(value, 0)
    chart.add(series_name, counts)
    return Chart(
        svg=_sanitised(chart, keep_style=mode is Labels.KEYED, title=title),
        legend=(LegendEntry(name=series_name, color="color-0"),),
        key=key,
        points=len(counts),
    )


def svg_has_arabic_text(svg: str) -> bool:
    """Whether any `<text>` of the SVG holds an Arabic-script letter (which WeasyPrint cannot draw; digits
    are single glyphs and come out right)."""
    root = etree.fromstring(svg.encode())
    return any(
        char.isalpha() and _ARABIC_SCRIPT.match(char)
        for node in root.iter(f"{{{SVG_NS}}}text")
        for char in node.text or ""
    )


def chart_css() -> str:
    """pygal's CSS for `CHART_STYLE` (with as many series colours as `COLORS`), scoped to the class the
    inlined charts carry: the content of reports/charts.css."""
    chart = pygal.Line(**_config())
    for index in range(len(COLORS)):
        chart.add(str(index), [index])
    root = etree.fromstring(chart.render(is_unicode=True).encode())
    css = "\n".join(node.text or "" for node in root.iter(f"{{{SVG_NS}}}style"))
    css = _CHART_ID.sub(f"svg.{ROOT_CLASS}", css)
    header = "/* Generated by `python -m ayneh.reports.charts` from pygal's CSS (LGPL-3.0+); do not edit. */\n"
    # The page's own rules: charts scale with their card; the HTML legend's swatches use the same colours.
    page = [
        ".report-chart-grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr))}",
        ".report-chart{margin:0}",
        f"svg.{ROOT_CLASS}{{display:block;inline-size:100%;block-size:auto;max-inline-size:40rem;margin-inline:auto}}",
        # pygal lays a chart out left to right; inherited from the RTL page, `text-anchor: end` would flip
        # every axis label onto its axis. Persian labels still read right to left inside (bidi per text).
        f"svg.{ROOT_CLASS}{{direction:ltr}}",
        ".report-legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}",
        ".report-swatch{display:inline-block;inline-size:.8em;block-size:.8em;margin-inline-end:.35em}",
        *(f".report-swatch.color-{index}{{background:{color}}}" for index, color in enumerate(COLORS)),
    ]
    return header + css.strip() + "\n" + "\n".join(page) + "\n"


def _write_css(argv: Sequence[str], write: Callable[[str], object] = sys.stdout.write) -> None:
    CSS_PATH.write_text(chart_css(), encoding="utf-8")
    write(f"wrote {CSS_PATH}\n")


if __name__ == "__main__":
    _write_css(sys.argv[1:])
