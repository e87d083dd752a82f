"""Evaluation benchmark: compute, rank and publish one period for many offices over many releases and pickups.

    .venv/bin/python benchmarks/evaluation_period.py          # 1,000 offices, 100,000 releases, 1,000,000 pickups
    .venv/bin/python benchmarks/evaluation_period.py --short  # CI: 100 offices, 5,000 releases, 30,000 pickups
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh_bench .venv/bin/python benchmarks/evaluation_period.py

Runs against a throw-away SQLite database in a temporary data folder, removed at the end, or the
PostgreSQL database that DATABASE_URL names (it must exist; it is emptied first and left with the data).
The issue asks for 30 indicators: the default framework has 28, all computed or entered here.

The data: offices in the three evaluated tiers, in 31 provinces; releases spread over one Jalali quarter
(spring 1403), a third linked to events held 0–48 hours earlier, a third with a photo; 300 outlets (news
agencies, national, provincial and local) and one article per pickup; each office has its own share of
releases picked up (30–90%) and of pickups crediting it (30–90%); pickups appear 1.5 days after the release
on average (about 1% after the 7 days that count, 3% up to an hour early, 2% of articles without a time),
5% are rejected and 10% confirmed. Article texts are short: on SQLite a long article row puts its time
columns on overflow pages, which makes the pickup read slower than measured here (not measured).
Every logged and survey indicator is entered and every evaluator indicator rated for every office.

Measured in a fresh process (so the peak RSS is the measured work's, not the data generator's; --short
measures in the set-up's process), on the database at rest, each step `--repeat` times (median and spread
printed):

- compute: `period_compute`, every automatic indicator (28 in the default framework) for every office;
- rank: `ranking_build` over the stored values plus the content hash (pure Python);
- publish: `period_publish` end to end (reads the values, ranks, hashes, writes the snapshot);
- the named peer: the three pickup indicators computed the obvious way — per office, with ORM model
  instances (`select_related`) and the time test in Python — against Ayneh's computers on the same offices
  (`--peer-offices`, default 100; all of them in --short); both must give identical values (checked), the ratio is
  printed. Recomputing the period must give the identical snapshot hash (checked).
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
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# A throw-away data folder (SQLite file, secret key), removed when the benchmark ends (by the process that
# made it: the measuring child inherits the folder through the environment).
if "AYNEH_DATA_DIR" not in os.environ:
    os.environ["AYNEH_DATA_DIR"] = _data_dir = tempfile.mkdtemp(prefix="ayneh-evaluation-bench-")
    atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from ayneh.accounts.models import User  # noqa: E402
from ayneh.evaluation import selectors  # noqa: E402
from ayneh.evaluation.indicators.base import PERCENT, Scope  # noqa: E402
from ayneh.evaluation.indicators.pickups import (  # noqa: E402
    DEFAULT_TIER_WEIGHTS,
    attribution_rate,
    pickup_breadth,
    pickup_rate,
)
from ayneh.evaluation.models import EvaluatorScore, IndicatorValue, Period, PeriodStatus, Source  # noqa: E402
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
from ayneh.monitoring.models import Article, Outlet, OutletTier, Pickup, PickupStatus  # noqa: E402
from ayneh.newsroom.models import Event, Release, ReleaseStatus  # noqa: E402
from ayneh.offices.models import Office, Tier  # noqa: E402

SEED = 1403
TIERS = (Tier.PROVINCIAL_DG, Tier.HQ_UNIT, Tier.AFFILIATED)
PROVINCES = tuple(f"استان {n}" for n in range(1, 32))
OUTLET_MIX = (
    (OutletTier.NEWS_AGENCY, 10),
    (OutletTier.NATIONAL, 40),
    (OutletTier.PROVINCIAL, 200),
    (OutletTier.LOCAL, 50),
)
# How often an outlet of a tier carries a release, relative to a local outlet.
OUTLET_REACH = {
    OutletTier.NEWS_AGENCY: 8.0,
    OutletTier.NATIONAL: 3.0,
    OutletTier.PROVINCIAL: 1.5,
    OutletTier.LOCAL: 1.0,
}
INSERT_CHUNK = 20_000
PICKUP_DAYS = 7


_peak_seen = 0.0


def peak_rss_mib() -> float:
    """The process's peak resident memory so far, in MiB.

    Linux's VmHWM, not getrusage's ru_maxrss: ru_maxrss survives exec, so a child started by the set-up
    process would report the set-up's memory as its own. The kernel updates VmHWM lazily, so the highest
    value read so far is kept."""
    global _peak_seen
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kibibytes on Linux; fallback
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    _peak_seen = max(_peak_seen, peak)
    return _peak_seen


# --- the data ---------------------------------------------------------------------------------------------


def build_offices(count: int) -> list[Office]:
    root = Office.objects.create(code="ministry", name="وزارت", tier=Tier.MINISTRY)
    offices = [
        Office(
            code=f"office-{n:04d}",
            name=f"اداره آزمایشی {n}",
            tier=TIERS[n % 3],
            province=PROVINCES[n % len(PROVINCES)] if TIERS[n % 3] == Tier.PROVINCIAL_DG else "",
            parent=root,
            path="",
        )
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


def build_outlets() -> list[Outlet]:
    outlets = []
    for tier, count in OUTLET_MIX:
        for n in range(count):
            province = PROVINCES[n % len(PROVINCES)] if tier in (OutletTier.PROVINCIAL, OutletTier.LOCAL) else ""
            outlets.append(Outlet(name=f"رسانه {tier} {n}", tier=tier, province=province))
    Outlet.objects.bulk_create(outlets)
    return list(Outlet.objects.order_by("id"))


def _insert(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    quote = connection.ops.quote_name
    names, placeholders = ", ".join(map(quote, columns)), ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})"  # noqa: S608 (model names; values as parameters)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def build_pickups(offices: list[Office], outlets: list[Outlet], count: int, rng: random.Random) -> None:
    """`count` pickups, one article each, written a chunk at a time with plain INSERTs (the ORM's
    bulk_create builds a model instance per row, which would make the set-up, not the work, the bench)."""
    if not count:
        return
    picked_share = {office.pk: rng.uniform(0.3, 0.9) for office in offices}
    credit_share = {office.pk: rng.uniform(0.3, 0.9) for office in offices}
    releases = [
        (pk, office_id, published_at)
        for pk, office_id, published_at in Release.objects.order_by("id").values_list("id", "office_id", "published_at")
        if rng.random() < picked_share[office_id]
    ]
    release_of_pickup = sorted(rng.choices(range(len(releases)), k=count))
    outlet_weights = [OUTLET_REACH[outlet.tier] for outlet in outlets]
    outlet_of_pickup = rng.choices(outlets, weights=outlet_weights, k=count)
    adapt_time = connection.ops.adapt_datetimefield_value
    empty_json = Article._meta.get_field("analysis").get_db_prep_value({}, connection)
    uuid_column = Article._meta.get_field("version_group")
    found_at = adapt_time(dt.datetime(2024, 7, 1, tzinfo=dt.UTC))
    article_columns = [
        "outlet_id", "url", "canonical_url", "url_key", "content_hash", "title", "text", "text_normalized",
        "published_at", "fetched_at", "analysis", "attribution_text", "version_group", "is_demo",
    ]  # fmt: skip
    pickup_columns = [
        "release_id", "article_id", "outlet_id", "similarity", "attribution", "evidence", "status",
        "decision_note", "created_at",
    ]  # fmt: skip
    first_article = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    for start in range(0, count, INSERT_CHUNK):
        articles, pickups = [], []
        for n in range(start, min(start + INSERT_CHUNK, count)):
            release_pk, office_id, published_at = releases[release_of_pickup[n]]
            outlet = outlet_of_pickup[n]
            draw = rng.random()
            # 3% up to an hour early (an outlet's clock ahead of ours), the rest ~1.5 days late (~1% after 7)
            delay = -rng.uniform(0, 3600) if draw < 0.03 else rng.expovariate(1 / (1.5 * 86400))
            seen_at = published_at + dt.timedelta(seconds=delay)
            fetched = adapt_time(seen_at + dt.timedelta(minutes=10))
            url = f"https://bench.example.ir/{n}"
            key = f"{n:064x}"
            articles.append((
                outlet.pk, url, url, key, key, "", "بازنشر", "بازنشر",
                None if draw > 0.98 else adapt_time(seen_at), fetched, empty_json, "",
                uuid_column.get_db_prep_value(uuid.UUID(int=n), connection), False,
            ))  # fmt: skip
            status_draw = rng.random()
            status = (
                PickupStatus.REJECTED
                if status_draw < 0.05
                else PickupStatus.CONFIRMED
                if status_draw < 0.15
                else PickupStatus.SUGGESTED
            )
            credited = rng.random() < credit_share[office_id]
            pickups.append((
                release_pk, first_article + n, outlet.pk, 0.8, credited, empty_json, str(status), "", found_at,
            ))  # fmt: skip
        with transaction.atomic():
            _insert(Article._meta.db_table, article_columns, articles)
            _insert(Pickup._meta.db_table, pickup_columns, pickups)
    written = Article.objects.filter(id__gte=first_article).count()
    if written != count:  # the ids were assumed consecutive from the first one: say so if not
        raise RuntimeError(f"expected {count} articles from id {first_article}, found {written}")


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


def set_up(*, n_offices: int, n_releases: int, n_pickups: int) -> Period:
    rng = random.Random(SEED)
    call_command("migrate", verbosity=0)
    if Office.objects.exists():  # a PostgreSQL database left by an earlier run
        call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "sqlite":  # a throw-away file: no waiting for the disk, indexes kept in memory
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -262144")  # KiB: 256 MiB while filling
    evaluator = User.objects.create_superuser(username="bench-evaluator", password=None)
    offices = build_offices(n_offices)
    framework = framework_load_default()
    period = period_open(framework=framework, kind="quarter", year=1403, number=1, offices=offices, actor=evaluator)
    build_releases(offices, n_releases, evaluator, period, rng)
    build_pickups(offices, build_outlets(), n_pickups, rng)
    enter_manual_values(period, offices, evaluator, rng)
    if connection.vendor == "postgresql":
        # What autovacuum does to a real database: without statistics on the freshly loaded tables the
        # planner expected a handful of rows and chose nested loops (the pickup query: 19.7 s against
        # 4.6 s after ANALYZE, measured on a loaded machine). SQLite gathers none unless asked, in Ayneh too.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return period


# --- the named peer: per office, model instances ------------------------------------------------------------


def peer_pickup_indicators(period: Period, offices: list[Office]) -> dict[tuple[str, int], float]:
    """The three pickup indicators the obvious way: for each office its releases, then their pickups as
    model instances with article and outlet, the time test in Python. Same rules as the computers."""
    window = period.window
    limit = dt.timedelta(days=PICKUP_DAYS)
    values: dict[tuple[str, int], float] = {}
    for office in offices:
        releases = list(
            Release.objects.filter(
                office=office,
                status=ReleaseStatus.PUBLISHED,
                published_at__gte=window.start,
                published_at__lt=window.end,
            )
        )
        if not releases:
            continue
        published = {release.pk: release.published_at for release in releases}
        picked: set[int] = set()
        outlets: dict[int, set[int]] = defaultdict(set)
        breadth = 0.0
        credited = counted = 0
        pickups = (
            Pickup.objects.filter(release__in=releases)
            .exclude(status=PickupStatus.REJECTED)
            .select_related("article", "outlet")
        )
        for pickup in pickups:
            if pickup.article.seen_at - published[pickup.release_id] > limit:
                continue
            picked.add(pickup.release_id)
            counted += 1
            credited += pickup.attribution
            if pickup.outlet_id not in outlets[pickup.release_id]:
                outlets[pickup.release_id].add(pickup.outlet_id)
                breadth += DEFAULT_TIER_WEIGHTS[pickup.outlet.tier]
        values["pickup_rate", office.pk] = PERCENT * len(picked) / len(releases)
        values["pickup_breadth", office.pk] = breadth / len(releases)
        if counted:
            values["attribution_rate", office.pk] = PERCENT * credited / counted
    return values


def ayneh_pickup_indicators(period: Period, offices: list[Office]) -> dict[tuple[str, int], float]:
    scope = Scope(offices=offices, window=period.window)
    params = {"days": PICKUP_DAYS}
    return {
        (computer.__name__, office_id): computed.actual
        for computer in (pickup_rate, pickup_breadth, attribution_rate)
        for office_id, computed in computer(scope=scope, params=params).items()
    }


# --- measuring ----------------------------------------------------------------------------------------------


def repeated[T](label: str, step: Callable[[], T], *, repeat: int, trace_memory: bool) -> tuple[T, float]:
    """Run `step` `repeat` times on a database at rest; print the median wall time and the median CPU time
    of this process (on SQLite the database works inside it, so on a machine shared with other work the
    CPU time is the steadier number), the spread, and the process's peak RSS (with `trace_memory`, also
    the step's own peak Python allocations, at a cost). Returns the result and the median wall time."""
    seconds, cpu_seconds = [], []
    result: T
    traced_peak = 0.0
    for _ in range(repeat):
        gc.collect()
        if trace_memory:
            tracemalloc.start()
        started, cpu_started = time.perf_counter(), time.process_time()
        result = step()
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(time.process_time() - cpu_started)
        if trace_memory:
            traced_peak = max(traced_peak, tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
    median = statistics.median(seconds)
    traced = f"   step peak {traced_peak:7.1f} MiB (traced)" if trace_memory else ""
    print(
        f"{label:<22} wall median {median:6.2f} s (min {min(seconds):6.2f}, max {max(seconds):6.2f}, n={repeat})"
        f"   CPU median {statistics.median(cpu_seconds):6.2f} s   peak RSS {peak_rss_mib():6.1f} MiB{traced}",
        flush=True,
    )
    CPU_MEDIANS[label] = statistics.median(cpu_seconds)
    return result, median


CPU_MEDIANS: dict[str, float] = {}


def measure(args: argparse.Namespace) -> int:
    """The measured work, in a process that did nothing else first."""
    period = Period.objects.get(code="1403-q1")
    evaluator = User.objects.get(username="bench-evaluator")
    offices = list(period.offices.order_by("id"))
    repeat, trace = args.repeat, args.trace_memory
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load}; peak RSS at start {peak_rss_mib():.1f} MiB")

    written, compute_s = repeated(
        "compute", lambda: period_compute(period=period, actor=evaluator), repeat=repeat, trace_memory=trace
    )

    def rank() -> dict[str, Any]:
        content = ranking_build(
            framework=selectors.framework_spec(framework=period.framework),
            period=selectors.period_identity(period=period),
            offices=selectors.period_measurements(period=period),
        )
        content_hash(content)
        return content

    content, rank_s = repeated("rank", rank, repeat=repeat, trace_memory=trace)
    period_review_begin(period=period, actor=evaluator)
    snapshot, publish_s = repeated(
        "publish (once)", lambda: period_publish(period=period, actor=evaluator), repeat=1, trace_memory=trace
    )
    total = compute_s + rank_s + publish_s
    cpu_total = sum(CPU_MEDIANS[label] for label in ("compute", "rank", "publish (once)"))
    print(f"{'compute+rank+publish':<22} wall {total:6.2f} s, CPU {cpu_total:6.2f} s (medians summed)", flush=True)

    # Reproducibility: recompute from the same data, rebuild the ranking: the same content hash.
    period_compute(period=period, actor=evaluator)
    assert content_hash(rank()) == snapshot.content_hash, "recomputing the period changed the snapshot"
    print(f"reproducible: recomputed snapshot hash = published hash ({snapshot.content_hash[:16]}…)")

    peers = offices if args.peer_offices is None else offices[: args.peer_offices]
    fast, fast_s = repeated(
        f"pickups, Ayneh ({len(peers)})",
        lambda: ayneh_pickup_indicators(period, peers),
        repeat=repeat,
        trace_memory=False,
    )
    slow, slow_s = repeated(
        f"pickups, peer ({len(peers)})", lambda: peer_pickup_indicators(period, peers), repeat=1, trace_memory=False
    )
    differing = [key for key in fast.keys() | slow.keys() if abs(fast.get(key, -1) - slow.get(key, -2)) > 1e-9]
    assert not differing, f"the peer and Ayneh disagree on {len(differing)} values, e.g. {sorted(differing)[:3]}"
    peer_cpu = CPU_MEDIANS[f"pickups, peer ({len(peers)})"] / CPU_MEDIANS[f"pickups, Ayneh ({len(peers)})"]
    print(
        f"ratio: per-office ORM peer / Ayneh = {slow_s / fast_s:.1f}x wall, {peer_cpu:.1f}x CPU on the three "
        f"pickup indicators ({len(fast)} identical values, {len(peers)} offices)"
    )

    graded = sum(1 for card in content["offices"] if card["graded"])
    indicators = period.framework.indicators.count()
    no_data = indicators * len(offices) - IndicatorValue.objects.filter(period=period).count()
    print(
        f"values: {written} automatic stored; {indicators} indicators x {len(offices)} offices, {no_data} without "
        "data (tone, social media, responsiveness, campaigns, bulletins, evidence: not in Ayneh yet)"
    )
    print(f"ranking: {graded} of {len(offices)} offices graded; revision {snapshot.revision}")
    return 0 if Period.objects.get(pk=period.pk).status == PeriodStatus.PUBLISHED else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="100 offices, 5,000 releases, 30,000 pickups")
    parser.add_argument("--offices", type=int, help="number of offices (default 1,000; 100 with --short)")
    parser.add_argument("--releases", type=int, help="number of releases (default 100,000; 5,000 with --short)")
    parser.add_argument("--pickups", type=int, help="number of pickups (default 1,000,000; 30,000 with --short)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measured step (median printed)")
    parser.add_argument(
        "--peer-offices", type=int, help="offices for the peer comparison (default: all with --short, 100 otherwise)"
    )
    parser.add_argument("--trace-memory", action="store_true", help="also trace each step's Python allocations")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)  # the measuring child
    args = parser.parse_args(argv)
    if args.measure_only:
        return measure(args)

    n_offices = args.offices or (100 if args.short else 1000)
    n_releases = args.releases or (5000 if args.short else 100_000)
    n_pickups = args.pickups if args.pickups is not None else (30_000 if args.short else 1_000_000)
    print(f"database: {connection.vendor}; {n_offices} offices, {n_releases} releases, {n_pickups} pickups", flush=True)
    started = time.perf_counter()
    set_up(n_offices=n_offices, n_releases=n_releases, n_pickups=n_pickups)
    print(f"{'set-up':<22} {time.perf_counter() - started:7.2f} s  (not measured work)", flush=True)
    # Measure on a database at rest (SQLite checkpoints its write-ahead log when the last connection
    # closes), in a fresh process whose peak RSS is the measured work's own; --short, CI's smoke run,
    # measures here instead (starting Django again costs more than its whole measurement on a busy machine),
    # so its peak RSS includes the set-up's.
    connection.close()
    if args.short:
        gc.collect()
        print("(--short: measured in the set-up's process; peak RSS includes the set-up)")
        return measure(args)
    child = [sys.executable, __file__, "--measure-only", f"--repeat={args.repeat}"]
    peer_offices = args.peer_offices if args.peer_offices is not None else 100
    child.append(f"--peer-offices={peer_offices}")
    if args.trace_memory:
        child.append("--trace-memory")
    return subprocess.run(child, check=False).returncode  # noqa: S603 (this interpreter, this file)


if __name__ == "__main__":
    sys.exit(main())
