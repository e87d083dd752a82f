"""End-to-end ingest benchmark: a JSON Lines archive through the whole monitoring pipeline.

    .venv/bin/python benchmarks/monitoring_ingest.py            # full: every Fars article and varied copies
    .venv/bin/python benchmarks/monitoring_ingest.py --short    # seconds of work: 300 records, 1 and 2 workers (CI)
    .venv/bin/python benchmarks/monitoring_ingest.py --records 1500 --workers 1   # a size in between
    ... --repeat 5                        # runs per configuration, the median printed (default 1 short, 3 full)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh ...   # also PostgreSQL (a scratch database beside it)
    ... --profile                         # then one worker per database under cProfile: where the time goes

What is measured: `ayneh.monitoring.pipeline.batch_run` over an archive — reading, checking and keying each
record, analysis (`ayneh.text.analyse` against the office registry read from the database), deduplication
(address key and content hash), near-duplicate grouping, pickup matching against published releases, and
storing articles, people, quotes, pickups and failures chunk by chunk with the batch cursor — in
articles per second of wall time and per CPU second of the workers (the median of ``--repeat`` runs), on
a fresh database per run, with one worker and with two (two
processes, each running its own batch over half the archive, started together).

The named peer, measured in the same run on the same records: bare `analyse()` in one process with no
database. "overhead" is how many times more CPU the pipeline spends per record than the analysis alone
(CPU seconds of the worker processes: on a machine shared with other work, wall time mostly measures the
neighbours; the database server's own CPU is not counted).

The archive is built from ../shared/data/fars-news: every real article once, then (full mode) varied copies
— the last paragraph dropped, an outlet's credit line added — under new addresses, which the pipeline must
group as versions; 5 % of the records repeat an earlier address (duplicates); and 5 % are planted
republications of releases that are published in the database before the run (a credit line «به نقل از
روابط عمومی ...» of the release's office, the title changed), which the pipeline must find as pickups.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fars-news"
SHORT_RECORDS = 300
FULL_COPIES = 3  # the real articles, then this many varied copies of each
RELEASES = 40
DUPLICATE_SHARE = 0.05
PICKUP_SHARE = 0.05
CHUNK_SIZE = 100
OUTLET = "فارس"
# Releases go out at this moment; every record is published after it, within the pickup window.
RELEASE_TIME = "2026-06-01T06:00:00+00:00"
SEED = 1400
# A few corpus items are a byline and a full stop; they are no article (nor a release anyone could pick up).
MIN_WORDS = 30


@dataclass(frozen=True, slots=True)
class Story:
    url: str
    title: str
    text: str


def real_stories() -> list[Story]:
    stories = []
    for path in sorted(DATA.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = "\n".join(p for p in (item.get("abstract") or "", *item.get("paragraphs", [])) if p)
            if len(text.split()) >= MIN_WORDS:
                stories.append(Story(item["link"], item.get("title") or "", text))
    return stories


def _copy_url(url: str, copy: int) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"{parts.path.rstrip('/')}/v{copy}", "", ""))


def _varied(story: Story, copy: int) -> Story:
    paragraphs = story.text.split("\n")
    if copy % 2 and len(paragraphs) > 1:
        paragraphs = paragraphs[:-1]
    else:
        paragraphs = [f"به گزارش پایگاه خبری شماره {copy} به نقل از خبرگزاری فارس،", *paragraphs]
    return Story(_copy_url(story.url, copy), story.title, "\n".join(paragraphs))


def build_archive(*, short: bool, limit: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The benchmark's archive, deterministic (seeded): ``(records, releases)``.

    ``build_archive(*, short: bool, limit: int | None = None)``: ``short`` gives ``SHORT_RECORDS`` (300)
    records of real articles only; otherwise the real articles and ``FULL_COPIES`` varied copies of each,
    cut to ``limit`` records when given. ``records`` are archive lines in order, each ``{"url", "title",
    "text", "published"}`` (ISO 8601 with offset; write them with ``write_jsonl``, import them with the
    outlet ``OUTLET``); ``releases`` are ``{"office", "title", "lead", "body"}`` (office code; body
    paragraphs joined by newlines) to publish at ``RELEASE_TIME`` before the run — the ``--child prepare
    RELEASES.json`` child (``run_child``/``child_result``) migrates a database and does exactly that.
    Other benchmarks import this function (benchmarks/monitoring_workers.py): keep its signature.
    """
    from ayneh.text.registry import load_registry

    rng = random.Random(SEED)
    stories = real_stories()
    rng.shuffle(stories)
    release_stories, stories = stories[:RELEASES], stories[RELEASES:]
    # The corpus holds a few exact republications: a second copy of a release's story would be a true pickup
    # that is not counted as planted.
    release_titles = {s.title.strip() for s in release_stories}
    stories = [s for s in stories if s.title.strip() not in release_titles]
    offices = [entry for entry in load_registry() if entry.tier == "provincial_dg"]
    releases = [
        {"office": offices[i % len(offices)].code, "title": s.title, "lead": "", "body": s.text}
        for i, s in enumerate(release_stories)
    ]
    office_names = {entry.code: entry.name for entry in offices}
    pool = list(stories)
    if not short:
        pool += [_varied(s, copy) for copy in range(1, FULL_COPIES + 1) for s in stories]
    size = SHORT_RECORDS if short else min(limit or len(pool), len(pool))
    records: list[dict[str, Any]] = []
    for n, story in enumerate(pool[:size]):
        roll = rng.random()
        if roll < DUPLICATE_SHARE and records:
            records.append(dict(rng.choice(records)))
            continue
        if roll < DUPLICATE_SHARE + PICKUP_SHARE:
            k = rng.randrange(len(releases))
            release = releases[k]
            credit = f"به گزارش خبرگزاری فارس به نقل از روابط عمومی {office_names[release['office']]}،"
            paragraphs = release["body"].split("\n")
            if len(paragraphs) > 2:  # outlets cut a paragraph here and there
                del paragraphs[n % len(paragraphs)]
            url = f"https://www.farsnews.ir/news/pickup-{n}-r{k}"
            story = Story(url, f"خبر استان: {release['title']}", "\n".join([credit, *paragraphs]))
        records.append({"url": story.url, "title": story.title, "text": story.text, "published": _published(n)})
    return records, releases


def _published(n: int) -> str:
    """Record n's publication time: spread over the week after the releases went out."""
    release_time = dt.datetime.fromisoformat(RELEASE_TIME)
    return (release_time + dt.timedelta(minutes=60 + n % (60 * 24 * 7))).isoformat()


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- child processes: one Django setup each ----------------------------------------------------------------


def child_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "DATABASE_URL": database_url,
        "AYNEH_DATA_DIR": str(data_dir),
        "AYNEH_LOG_LEVEL": "ERROR",
    }


def run_child(args: list[str], database_url: str, data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - this same script, with arguments built here
        [sys.executable, __file__, *args],
        cwd=REPO,
        env=child_env(database_url, data_dir),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def child_result(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(input="" if process.stdin and not process.stdin.closed else None)
    if process.returncode:
        raise SystemExit(f"child failed:\n{err}")
    return json.loads(out.strip().splitlines()[-1])


def _django() -> None:
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def child_prepare(releases_path: Path) -> dict[str, Any]:
    """Migrate, load the office registry, register the outlet, publish the releases."""
    _django()
    from django.core.management import call_command

    from ayneh.accounts.models import User
    from ayneh.monitoring.models import OutletTier
    from ayneh.monitoring.services import outlet_create
    from ayneh.newsroom.models import Release, ReleaseStatus
    from ayneh.offices.models import Office
    from ayneh.offices.services import offices_load

    call_command("migrate", verbosity=0)
    offices_load()
    outlet_create(name=OUTLET, tier=OutletTier.NEWS_AGENCY, aliases=["خبرگزاری فارس"])
    author = User.objects.create_user(username="benchmark", password=None)
    published = dt.datetime.fromisoformat(RELEASE_TIME)
    offices = {office.code: office for office in Office.objects.all()}
    for release in json.loads(releases_path.read_text(encoding="utf-8")):
        Release.objects.create(
            office=offices[release["office"]],
            title=release["title"][:255],
            lead=release["lead"],
            body_html="".join(f"<p>{p}</p>" for p in release["body"].split("\n")),
            status=ReleaseStatus.PUBLISHED,
            published_at=published,
            created_by=author,
            updated_by=author,
        )
    return {"ok": True}


def child_ingest(archive: Path) -> dict[str, Any]:
    """Run one batch over `archive` once the parent says "go" (so that workers start together, after each
    has imported Django and warmed the text library up)."""
    _django()
    from ayneh.monitoring import pipeline, services
    from ayneh.monitoring.models import Outlet, SourceKind
    from ayneh.text.analyze import analyse

    analyse("گرم کردن")  # gazetteers and regexes load once per process, before the clock starts
    outlet = Outlet.objects.get(name=OUTLET)
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=outlet)
    print("ready", flush=True)
    sys.stdin.readline()
    profile_path = os.environ.get("AYNEH_BENCH_PROFILE")
    profiler = cProfile.Profile() if profile_path else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    batch = pipeline.batch_run(batch=batch, chunk_size=CHUNK_SIZE)
    if profiler is not None and profile_path:
        profiler.disable()
        profiler.dump_stats(profile_path)
    return {
        **pickup_quality(),
        "records": batch.cursor,
        "created": batch.created_count,
        "duplicates": batch.duplicate_count,
        "failed": batch.failed_count,
        "pickups": batch.pickup_count,
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
    }


def pickup_quality() -> dict[str, int]:
    """Planted republications stored, how many were matched to their own release, and pickups of any other
    (release, article) pair. Releases were created in file order on a fresh database: release k has id k+1."""
    import re

    from ayneh.monitoring.models import Article, Pickup

    planted_pattern = re.compile(r"/pickup-\d+-r(\d+)$")
    planted = {
        pk: int(match[1]) + 1
        for pk, url in Article.objects.filter(url__contains="/pickup-").values_list("id", "url")
        if (match := planted_pattern.search(url))
    }
    found = set(Pickup.objects.values_list("article_id", "release_id"))
    hits = sum(1 for pk, release_id in planted.items() if (pk, release_id) in found)
    return {"planted": len(planted), "planted_found": hits, "other_pickups": len(found) - hits}


# --- databases -----------------------------------------------------------------------------------------------


class Scratch:
    """A fresh database per run: a copied SQLite file, or a PostgreSQL database cloned from a prepared
    template database (CREATE DATABASE ... TEMPLATE), so migrations run once per backend."""

    def __init__(self, kind: str, workdir: Path, server_url: str | None = None) -> None:
        self.kind = kind
        self.workdir = workdir
        self.server_url = server_url
        self.template = self._url("ayneh_bench_template")
        self.count = 0

    def _url(self, name: str) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.workdir / f'{name}.sqlite3'}"
        assert self.server_url is not None
        parts = urlsplit(self.server_url)
        return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))

    def _admin(self, sql: str) -> None:
        import psycopg

        assert self.server_url is not None
        with psycopg.connect(self._url("postgres").replace("postgres://", "postgresql://"), autocommit=True) as conn:
            conn.execute(sql)

    def prepare(self, releases_path: Path) -> None:
        if self.kind == "postgres":
            self._admin("DROP DATABASE IF EXISTS ayneh_bench_template")
            self._admin("CREATE DATABASE ayneh_bench_template")
        child_result(run_child(["--child", "prepare", str(releases_path)], self.template, self.workdir))

    def fresh(self) -> str:
        self.count += 1
        name = f"ayneh_bench_{self.count}"
        if self.kind == "sqlite":
            source = self.workdir / "ayneh_bench_template.sqlite3"
            shutil.copyfile(source, self.workdir / f"{name}.sqlite3")
        else:
            self._admin(f"DROP DATABASE IF EXISTS {name}")
            self._admin(f"CREATE DATABASE {name} TEMPLATE ayneh_bench_template")
        return self._url(name)

    def cleanup(self) -> None:
        if self.kind == "postgres":
            for n in range(1, self.count + 1):
                self._admin(f"DROP DATABASE IF EXISTS ayneh_bench_{n}")
            self._admin("DROP DATABASE IF EXISTS ayneh_bench_template")


def ingest(scratch: Scratch, parts: list[Path], profile: Path | None = None) -> dict[str, Any]:
    url = scratch.fresh()
    if profile is not None:
        os.environ["AYNEH_BENCH_PROFILE"] = str(profile)
    try:
        workers = [run_child(["--child", "ingest", str(part)], url, scratch.workdir) for part in parts]
    finally:
        os.environ.pop("AYNEH_BENCH_PROFILE", None)
    for worker in workers:
        assert worker.stdout is not None
        if worker.stdout.readline().strip() != "ready":
            child_result(worker)  # reports the child's error
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = [child_result(worker) for worker in workers]
    wall = max(r["wall"] for r in results)
    keys = ("records", "created", "duplicates", "failed", "pickups")
    total = {key: sum(r[key] for r in results) for key in keys}
    # Each worker counts the whole database when it ends: the one that ended last saw everything.
    total |= {key: max(r[key] for r in results) for key in ("planted", "planted_found", "other_pickups")}
    return {**total, "wall": wall, "cpu": sum(r["cpu"] for r in results), "workers": len(parts)}


def print_profile(scratch: Scratch, records: list[dict[str, Any]], workdir: Path) -> None:
    """One worker under cProfile: the functions of Ayneh and Django's database layer with the most
    cumulative time (profiling slows Python calls, so read shares, not seconds)."""
    path = workdir / f"profile-{scratch.kind}.out"
    ingest(scratch, split(records, 1, workdir), profile=path)
    stats = pstats.Stats(str(path), stream=sys.stdout)
    print(f"--- {scratch.kind}, one worker under cProfile (cumulative seconds, profiled) ---")
    stats.sort_stats("cumulative").print_stats(r"ayneh/(monitoring|text|search)/|bulk_create", 30)


def analyse_peer(records: list[dict[str, Any]]) -> dict[str, float]:
    """Bare analyse() over the same texts, in this process, no database (CPU and wall seconds)."""
    from ayneh.text.analyze import analyse

    analyse("گرم کردن")
    wall, cpu = time.perf_counter(), time.process_time()
    for record in records:
        analyse(record["text"], published=dt.datetime.fromisoformat(record["published"]).date())
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "records": len(records)}


def split(records: list[dict[str, Any]], parts: int, folder: Path) -> list[Path]:
    paths = []
    for k in range(parts):
        path = folder / f"part-{parts}-{k}.jsonl"
        write_jsonl(path, records[k::parts])
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI size: a few hundred records")
    parser.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    parser.add_argument("--records", type=int, help="full mode: at most this many records")
    parser.add_argument("--repeat", type=int, help="runs per configuration, median printed (default: 1 short, 3 full)")
    parser.add_argument(
        "--profile", action="store_true", help="also run one worker under cProfile and print where its time goes"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (1 if args.short else 3)
    if args.child:
        kind, *rest = args.child
        result = child_prepare(Path(rest[0])) if kind == "prepare" else child_ingest(Path(rest[0]))
        print(json.dumps(result))
        return 0
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present")
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="ayneh-bench-ingest-"))
    try:
        records, releases = build_archive(short=args.short, limit=args.records)
        releases_path = workdir / "releases.json"
        releases_path.write_text(json.dumps(releases, ensure_ascii=False), encoding="utf-8")
        planted = len({r["url"] for r in records if "/pickup-" in r["url"]})
        print(f"archive: {len(records)} records, {planted} planted republications of {len(releases)} releases")
        peer = analyse_peer(records)
        peer_cpu_rate = peer["records"] / peer["cpu"]
        print(
            f"peer  bare analyse(), no database: {peer['records'] / peer['wall']:7.1f} articles/s wall, "
            f"{peer_cpu_rate:.1f} per CPU second"
        )
        backends = [Scratch("sqlite", workdir)]
        server = os.environ.get("DATABASE_URL", "")
        if server.startswith(("postgres://", "postgresql://")):
            backends.append(Scratch("postgres", workdir, server))
        for scratch in backends:
            scratch.prepare(releases_path)
            try:
                for workers in (int(w) for w in args.workers.split(",")):
                    runs = [ingest(scratch, split(records, workers, workdir)) for _ in range(args.repeat)]
                    result = runs[-1]
                    rate = statistics.median(r["records"] / r["wall"] for r in runs)
                    cpu_rates = sorted(r["records"] / r["cpu"] for r in runs)
                    cpu_rate = statistics.median(cpu_rates)
                    spread = f" (runs {cpu_rates[0]:.0f}–{cpu_rates[-1]:.0f})" if len(runs) > 1 else ""
                    print(
                        f"{scratch.kind:8} {workers} worker(s): {rate:7.1f} articles/s wall, "
                        f"{cpu_rate:.1f} per worker CPU second{spread}, median of {len(runs)} "
                        f"(overhead ×{peer_cpu_rate / cpu_rate:.2f} vs analyse()); "
                        f"stored {result['created']}, duplicates {result['duplicates']}, "
                        f"failed {result['failed']}; planted pickups found {result['planted_found']}/"
                        f"{result['planted']}, other pickups {result['other_pickups']}"
                    )
                if args.profile:
                    print_profile(scratch, records, workdir)
            finally:
                scratch.cleanup()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
