"""Reports benchmark: the national ranking and one scorecard of the demo period as PDF (WeasyPrint) and SVG.

    .venv/bin/python benchmarks/reports_pdf.py           # 5 repetitions of each step
    .venv/bin/python benchmarks/reports_pdf.py --short   # CI: 1 repetition

Builds what `ayneh demo` builds (the office registry, the demo accounts and releases, the published demo
period over every office the evaluator evaluates: 54 offices) in a throw-away SQLite data folder, then
times, on the published snapshot:

- ranking PDF: `ranking_pdf_bytes` (the 55-row table and the grade-band chart, Vazirmatn embedded);
- scorecard PDF: `scorecard_pdf_bytes` for one office (28 indicators, radar and trend charts);
- charts: the scorecard's radar and trend SVG for the browser;
- ranking PDF, cached: what the download view serves after the first reader of a revision;
- the named peer: the same ranking as Excel (`ranking_workbook`, openpyxl), the other download of the page.

Prints the median and spread of each step, the PDF sizes and pages, and the PDF/Excel ratio.
"""

from __future__ import annotations

import argparse
import atexit
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if "AYNEH_DATA_DIR" not in os.environ:
    os.environ["AYNEH_DATA_DIR"] = _data_dir = tempfile.mkdtemp(prefix="ayneh-reports-bench-")
    atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from ayneh.core.demo import demo_accounts_ensure, demo_content_ensure  # noqa: E402
from ayneh.evaluation.demo import evaluation_demo_ensure  # noqa: E402
from ayneh.evaluation.exports import ranking_workbook  # noqa: E402
from ayneh.evaluation.models import RankingSnapshot  # noqa: E402
from ayneh.reports.charts import Labels  # noqa: E402
from ayneh.reports.figures import axes_radar, total_trend  # noqa: E402
from ayneh.reports.views import ranking_pdf_bytes, ranking_pdf_cached, scorecard_pdf_bytes  # noqa: E402


def _timed(step: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return times, result


def _line(name: str, times: list[float]) -> str:
    median, low, high = (value * 1000 for value in (statistics.median(times), min(times), max(times)))
    return f"{name:<26} median {median:8.1f} ms  (min {low:.1f}, max {high:.1f}, n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="one repetition (CI)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = 1 if args.short else args.repeat

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_offices", verbosity=0)
    users = demo_accounts_ensure()
    demo_content_ensure(users=users)
    period = evaluation_demo_ensure(evaluator=users["evaluator"]).period
    snapshot = RankingSnapshot.objects.filter(period=period).order_by("-revision").first()
    assert snapshot is not None
    content = snapshot.content
    card = content["offices"][0]
    print(
        f"demo period {period.code}: {len(content['offices'])} offices, set up in {time.perf_counter() - started:.1f} s"
    )

    # One warm-up: fonts are parsed and templates compiled once per process.
    ranking_pdf_bytes(period=period, snapshot=snapshot)

    ranking_times, ranking_pdf = _timed(lambda: ranking_pdf_bytes(period=period, snapshot=snapshot), repeat)
    scorecard_times, scorecard_pdf = _timed(
        lambda: scorecard_pdf_bytes(period=period, snapshot=snapshot, card=card), repeat
    )
    chart_times, _ = _timed(
        lambda: (
            axes_radar(content=content, card=card, mode=Labels.TEXT),
            total_trend(period=period, card=card, mode=Labels.TEXT),
        ),
        repeat,
    )
    excel_times, workbook = _timed(lambda: ranking_workbook(snapshot), repeat)
    ranking_pdf_cached(period=period, snapshot=snapshot)  # fills the cache
    cached_times, _ = _timed(lambda: ranking_pdf_cached(period=period, snapshot=snapshot), repeat)

    print(_line("ranking PDF", ranking_times))
    print(_line("scorecard PDF", scorecard_times))
    print(_line("scorecard charts (SVG)", chart_times))
    print(_line("ranking PDF, cached", cached_times))
    print(_line("peer: ranking Excel", excel_times))
    ranking_pages = len(PdfReader(io.BytesIO(ranking_pdf)).pages)
    scorecard_pages = len(PdfReader(io.BytesIO(scorecard_pdf)).pages)
    print(
        f"ranking PDF {len(ranking_pdf) / 1024:.0f} KiB, {ranking_pages} pages; scorecard PDF "
        f"{len(scorecard_pdf) / 1024:.0f} KiB, {scorecard_pages} pages; Excel {len(workbook) / 1024:.0f} KiB"
    )
    ratio = statistics.median(ranking_times) / statistics.median(excel_times)
    print(f"ratio ranking PDF / ranking Excel (medians): {ratio:.1f}x")


if __name__ == "__main__":
    main()
