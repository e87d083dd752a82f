"""The SVG charts: labels and data points as given, nothing executable or styled inline, numbers (not
Persian words) inside the PDF variant, and charts.css matching pygal's CSS."""

import re

import pytest
from lxml import etree

from ayneh.reports.charts import (
    CSS_PATH,
    Labels,
    TrendPoint,
    band_chart,
    chart_css,
    radar_chart,
    svg_has_arabic_text,
    trend_chart,
)
from ayneh.reports.selectors import axis_medians, band_counts

SVG = "{http://www.w3.org/2000/svg}"
AXES = ["برنامه‌ریزی", "تولید خبر", "روابط رسانه‌ای", "شبکه‌های اجتماعی", "پاسخگویی", "پایش", "پیامد", "توانمندی"]


def _texts(svg: str) -> list[str]:
    return [node.text or "" for node in etree.fromstring(svg.encode()).iter(f"{SVG}text")]


def _dots(svg: str) -> int:
    return sum("dot" in (node.get("class") or "").split() for node in etree.fromstring(svg.encode()).iter())


def _radar(mode: Labels, office=(90, 80, 70, 60, 50, 40, 30, 20)):
    return radar_chart(
        title="محورها", axes=AXES, series=[("اداره کل خوزستان", list(office)), ("میانه کشوری", [50] * 8)], mode=mode
    )


def test_the_browser_radar_names_every_axis_and_draws_every_value():
    chart = _radar(Labels.TEXT)
    texts = _texts(chart.svg)
    for axis in AXES:
        assert axis in texts
    assert chart.points == 16  # 8 axes of the office, 8 medians
    assert _dots(chart.svg) == 16
    assert "۱۰۰" in texts  # the scale in Persian digits
    assert [entry.name for entry in chart.legend] == ["اداره کل خوزستان", "میانه کشوری"]
    assert not chart.key


def test_a_radar_refuses_a_missing_value_rather_than_drawing_it_as_zero():
    with pytest.raises(ValueError, match="missing"):
        _radar(Labels.TEXT, office=(90, 80, 70, None, 50, 40, 30, 20))


def test_the_pdf_radar_numbers_the_axes_and_keys_them():
    chart = _radar(Labels.KEYED)
    assert not svg_has_arabic_text(chart.svg)  # WeasyPrint would draw Persian words letter by letter
    assert [entry.label for entry in chart.key] == AXES
    assert [entry.number for entry in chart.key] == ["۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸"]
    texts = _texts(chart.svg)
    assert all(entry.number in texts for entry in chart.key)
    assert "<style" in chart.svg  # no CSP inside a PDF: the chart brings its colours


def test_the_browser_svg_carries_no_script_style_or_event_handler():
    svg = _radar(Labels.TEXT).svg
    assert "<script" not in svg
    assert "<style" not in svg  # the page's CSP refuses inline styles; charts.css styles it
    assert not re.search(r"\sstyle=", svg)
    assert not re.search(r"\son[a-z]+=", svg)
    assert "http://" not in svg.replace("http://www.w3.org/", "")


def test_a_label_with_markup_stays_text():
    chart = radar_chart(
        title="x", axes=['<script>alert("x")</script>', *AXES[1:]], series=[("a", [1] * 8)], mode=Labels.TEXT
    )
    assert "<script" not in chart.svg
    assert '<script>alert("x")</script>' in _texts(chart.svg)


def test_the_trend_draws_total_and_rank_for_each_period():
    points = [TrendPoint("سال ۱۴۰۲", 70.5, 3), TrendPoint("سال ۱۴۰۳", 82.0, 1), TrendPoint("سال ۱۴۰۴", None, None)]
    chart = trend_chart(title="روند", points=points, total_name="امتیاز کل", rank_name="رتبه", mode=Labels.TEXT)
    assert chart.points == 4
    assert _dots(chart.svg) == 4
    assert {"سال ۱۴۰۲", "سال ۱۴۰۳", "سال ۱۴۰۴"} <= set(_texts(chart.svg))
    assert [entry.name for entry in chart.legend] == ["امتیاز کل", "رتبه"]


def test_a_trend_without_any_rank_draws_the_total_alone():
    chart = trend_chart(
        title="روند", points=[TrendPoint("سال ۱۴۰۳", 60.0, None)], total_name="کل", rank_name="رتبه", mode=Labels.KEYED
    )
    assert chart.points == 1
    assert [entry.name for entry in chart.legend] == ["کل"]


def test_the_band_chart_has_one_bar_per_band():
    bands = [("عالی", 3), ("خیلی خوب", 10), ("خوب", 0), ("ضعیف", 1)]
    chart = band_chart(title="درجه‌ها", bands=bands, series_name="ادارات", mode=Labels.TEXT)
    root = etree.fromstring(chart.svg.encode())
    bars = [node for node in root.iter(f"{SVG}rect") if "rect" in (node.get("class") or "").split()]
    assert len(bars) == 4
    assert {"عالی", "خیلی خوب", "خوب", "ضعیف"} <= set(_texts(chart.svg))


def _content(scores: dict[str, list[float | None]]) -> dict:
    return {
        "framework": {
            "axes": [{"code": "a", "name": "A"}, {"code": "b", "name": "B"}],
            "bands": [{"code": "top", "name": "عالی"}, {"code": "low", "name": "ضعیف"}],
        },
        "offices": [
            {"axes": {"a": {"score": a}, "b": {"score": b}}, "graded": band is not None, "band": band}
            for (a, b, band) in scores.values()
        ],
    }


def test_the_national_median_skips_offices_without_data():
    content = _content(
        {"x": [10.0, None, "top"], "y": [30.0, None, "top"], "z": [20.0, None, None], "w": [None, None, "low"]}
    )
    assert axis_medians(content) == {"a": 20.0, "b": None}
    assert band_counts(content) == [("عالی", 2), ("ضعیف", 1)]


@pytest.mark.parametrize("mode", list(Labels))
def test_every_chart_is_well_formed_svg(mode):
    for chart in (_radar(mode), band_chart(title="t", bands=[("عالی", 1)], series_name="s", mode=mode)):
        root = etree.fromstring(chart.svg.encode())
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"


def test_charts_css_is_pygal_css_for_our_style():
    assert CSS_PATH.read_text(encoding="utf-8") == chart_css(), "run: python -m ayneh.reports.charts"


def test_the_office_radar_leaves_out_the_axes_without_data():
    from ayneh.reports.figures import axes_radar

    content = _content({"x": [10.0, None, "top"], "y": [30.0, 40.0, "top"]})
    card = content["offices"][0] | {"name": "اداره"}
    chart = axes_radar(content=content, card=card, mode=Labels.KEYED)
    assert [entry.label for entry in chart.key] == ["A"]
    assert chart.points == 2  # the office's A and the median of A


@pytest.mark.parametrize(("top", "step"), [(0, 1), (3, 1), (7, 2), (10, 2), (54, 20), (12, 5), (240, 50)])
def test_the_band_scale_counts_in_round_steps(top, step):
    from ayneh.reports.charts import _nice_step

    assert _nice_step(top) == step


@pytest.mark.parametrize("mode", list(Labels))
def test_an_empty_chart_says_nothing_in_english(mode):
    chart = radar_chart(title="t", axes=[], series=[("a", []), ("b", [])], mode=mode)
    assert chart.points == 0
    assert "No data" not in chart.svg


@pytest.mark.parametrize(("ranks", "ticks"), [([1], range(1, 7)), ([3, 12], range(1, 17, 3)), ([54], range(1, 67, 11))])
def test_the_rank_axis_shows_whole_ranks(ranks, ticks):
    points = [TrendPoint(f"سال {year}", 50.0, rank) for year, rank in enumerate(ranks)]
    chart = trend_chart(title="روند", points=points, total_name="کل", rank_name="رتبه", mode=Labels.KEYED)
    root = etree.fromstring(chart.svg.encode())
    axis = next(node for node in root.iter(f"{SVG}g") if (node.get("class") or "").split() == ["axis", "y2"])
    secondary = [node.text for node in axis.iter(f"{SVG}text")]
    assert len(secondary) == 6
    for tick in ticks:
        assert str(tick).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in secondary
    assert not any("٫" in (text or "") for text in secondary)  # no fractional rank
