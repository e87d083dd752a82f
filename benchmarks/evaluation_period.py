"""Evaluation benchmark: compute, rank and publish one period for many offices over many releases.

    .venv/bin/python benchmarks/evaluation_period.py            # full: 1,000 offices, 100,000 releases
    .venv/bin/python benchmarks/evaluation_period.py --short    # seconds: 100 offices, 5,000 releases
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh_bench .venv/bin/python benchmarks/evaluation_period.py

Runs against a throw-away SQLite database in a temporary data folder, removed at the end (or the
PostgreSQL database that DATABASE_URL names: its tables are created and the data left there).

The data: offices in the three evaluated tiers; releases spread over one Jalali quarter (spring 1403), a
third of them linked to events held 0–48 hours earlier, a third with a photo; every logged and survey
indicator entered and every evaluator indicator rated for every office, so the ranking is graded as in a
real period.

Timed separately (wall clock, and the process's peak RSS after each step; `--trace-memory` adds each
step's own peak Python allocations, at the cost of a much slower step):

- compute: `period_compute`, every automatic indicator for every office from the database;
- rank: `ranking_build` over the stored values plus the content hash (pure Python);
- publish: `period_publish` end to end (reads the values, ranks, hashes, writes the snapshot).

The issue's benchmark also counts 1,000,000 pickups: Ayneh has no pickups yet (the monitoring app is not
built), so the pickup indicators are "no data" here and this benchmark says so in its output.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import gc
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# A throw-away data folder (SQLite file, secret key), removed when the benchmark ends.
if "AYNEH_DATA_DIR" not in os.environ:
    os.environ["AYNEH_DATA_DIR"] = _data_dir = tempfile.mkdtemp(prefix="ayneh-evaluation-bench-")
    atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from ayneh.accounts.models import User  # noqa: E402
from ayneh.evaluation import selectors  # noqa: E402
from ayneh.evaluation.models import EvaluatorScore, IndicatorValue, Period, Source  # noqa: E402
from ayneh.evaluation.ranking import ranking_build  # noqa: E402
from ayneh.evaluation.scoring import indicator_score, rubric_score  # noqa: E402
from ayneh.evaluation.services import (  # noqa: E402
    framework_load_default,
    period_compute,
    period_open,
    period_publish,
    period_review_begin,
)
from ayneh.evaluation.snapshots import content_hash  # noqa: E402
from ayneh.evaluation.spec import Direction  # noqa: E402
from ayneh.newsroom.models import Event, Release, ReleaseStatus  # noqa: E402
from ayneh.offices.models import Office, Tier  # noqa: E402

SEED = 1403
TIERS = (Tier.PROVINCIAL_DG, Tier.HQ_UNIT, Tier.AFFILIATED)


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports kibibytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed[T](label: str, step: Callable[[], T], *, trace_memory: bool) -> T:
    """Run `step` once and print its wall time and memory: the process's peak RSS so far, and with
    `trace_memory` the step's own peak Python allocations (tracemalloc slows the step several times, so
    its time is then not comparable)."""
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    traced = ""
    if trace_memory:
        traced = f"   step peak {tracemalloc.get_traced_memory()[1] / 2**20:7.1f} MiB (traced)"
        tracemalloc.stop()
    print(f"{label:<10} {seconds:8.2f} s   process peak RSS {peak_rss_mib():7.1f} MiB{traced}", flush=True)
    return result


def build_offices(count: int) -> list[Office]:
    root = Office.objects.create(code="ministry", name="وزارت", tier=Tier.MINISTRY)
    offices = [
        Office(code=f"office-{n:04d}", name=f"اداره آزمایشی {n}", tier=TIERS[n % 3], parent=root, path="")
        for n in range(count)
    ]
    for office in offices:  # bulk_create skips save(), which keeps the materialised path
        office.path = f"{root.path}{office.code}/"
    return Office.objects.bulk_create(offices, batch_size=1000)


def build_releases(offices: list[Office], count: int, author: User, period: Period, rng: random.Random) -> None:
    window = period.window
    span = (window.end - window.start).total_seconds()
    events: list[Event] = []
    for n in range(count // 3):
        starts_at = window.start + dt.timedelta(seconds=rng.uniform(0, span - 3 * 86400))
        events.append(
            Event(office=offices[n % len(offices)], title=f"رویداد {n}", starts_at=starts_at, created_by=author)
        )
    events = Event.objects.bulk_create(events, batch_size=2000)
    releases = []
    for n in range(count):
        office = offices[rng.randrange(len(offices))]
        event = events[n // 3] if n % 3 == 0 and n // 3 < len(events) else None
        if event is not None:
            office = event.office
            published_at = event.starts_at + dt.timedelta(hours=rng.uniform(0, 48))
        else:
            published_at = window.start + dt.timedelta(seconds=rng.uniform(0, span - 1))
        releases.append(
            Release(
                office=office,
                title=f"خبر {n}",
                status=ReleaseStatus.PUBLISHED,
                published_at=published_at,
                event=event,
                photo=f"releases/b{n}/photo/p.jpg" if n % 3 == 1 else "",
                created_by=author,
                updated_by=author,
            )
        )
    Release.objects.bulk_create(releases, batch_size=2000)


def enter_manual_values(period: Period, offices: list[Office], evaluator: User, rng: random.Random) -> None:
    """Logged, survey and evaluator values for every office, written in bulk (not what is measured)."""
    values, scores = [], []
    for indicator in period.framework.indicators.exclude(source=Source.AUTO):
        for office in offices:
            if indicator.source == Source.EVAL:
                rating = rng.randint(0, 4)
                scores.append(
                    EvaluatorScore(
                        period=period,
                        office=office,
                        indicator=indicator,
                        rating=rating,
                        comment="آزمون",
                        evaluator=evaluator,
                    )
                )
                actual, target, score = float(rating), None, rubric_score(rating)
            else:
                target = indicator.targets.get(office.tier)
                actual = rng.uniform(0, 1.3) * (target or 1)
                score = indicator_score(actual=actual, target=target, direction=Direction(indicator.direction))
            values.append(
                IndicatorValue(
                    period=period,
                    office=office,
                    indicator=indicator,
                    actual=actual,
                    target=target,
                    score=score,
                    source=indicator.source,
                )
            )
    EvaluatorScore.objects.bulk_create(scores, batch_size=2000)
    IndicatorValue.objects.bulk_create(values, batch_size=2000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="100 offices, 5,000 releases (seconds)")
    parser.add_argument("--offices", type=int, help="number of offices (default 1,000; 100 with --short)")
    parser.add_argument("--releases", type=int, help="number of releases (default 100,000; 5,000 with --short)")
    parser.add_argument("--trace-memory", action="store_true", help="also trace each step's Python allocations")
    args = parser.parse_args(argv)
    n_offices = args.offices or (100 if args.short else 1000)
    n_releases = args.releases or (5000 if args.short else 100_000)
    rng = random.Random(SEED)

    print(f"database: {connection.vendor}; {n_offices} offices, {n_releases} releases, 0 pickups", flush=True)
    call_command("migrate", verbosity=0)
    evaluator = User.objects.create_superuser(username="bench-evaluator", password=None)
    started = time.perf_counter()
    offices = build_offices(n_offices)
    framework = framework_load_default()
    period = period_open(framework=framework, kind="quarter", year=1403, number=1, offices=offices, actor=evaluator)
    build_releases(offices, n_releases, evaluator, period, rng)
    enter_manual_values(period, offices, evaluator, rng)
    print(f"{'setup':<10} {time.perf_counter() - started:8.2f} s   (not measured work)", flush=True)
    # Measure a period computed on a database at rest, not in the wake of the bulk load: reconnect (SQLite
    # checkpoints its write-ahead log when the last connection closes) and drop the setup's garbage.
    connection.close()
    gc.collect()

    trace = args.trace_memory
    written = timed("compute", lambda: period_compute(period=period, actor=evaluator), trace_memory=trace)

    def rank() -> dict[str, Any]:
        content = ranking_build(
            framework=selectors.framework_spec(framework=period.framework),
            period=selectors.period_identity(period=period),
            offices=selectors.period_measurements(period=period),
        )
        content_hash(content)
        return content

    content = timed("rank", rank, trace_memory=trace)
    period_review_begin(period=period, actor=evaluator)
    snapshot = timed("publish", lambda: period_publish(period=period, actor=evaluator), trace_memory=trace)

    graded = sum(1 for card in content["offices"] if card["graded"])
    indicators = period.framework.indicators.count()
    no_data = indicators * n_offices - IndicatorValue.objects.filter(period=period).count()
    print(
        f"values: {written} automatic stored; {indicators} indicators x {n_offices} offices, {no_data} without data "
        f"(pickups, social, responsiveness, campaigns, bulletins, evidence: not in Ayneh yet)"
    )
    print(
        f"ranking: {graded} of {n_offices} offices graded; revision {snapshot.revision}, {snapshot.content_hash[:16]}…"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
