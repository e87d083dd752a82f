"""Fetch-layer benchmark: feed parsing against feedparser, article extraction against bare trafilatura.

    .venv/bin/python benchmarks/monitoring_fetch.py            # full: a 100,000-item feed, pages x5
    .venv/bin/python benchmarks/monitoring_fetch.py --short    # seconds: a 5,000-item feed, pages x1 (CI)

1. **Feed parse.** A generated RSS 2.0 feed in the shape Iranian news sites publish (Persian title, link,
   guid, RFC 822 date, an escaped-HTML description): 100,000 items, about 47 MB, in full mode, written to a
   temporary file once. Each parser runs in its own fresh child process that reads the file, so its peak
   memory is its own: the figure is how far the child's peak RSS (``VmHWM``, reset just before parsing;
   Linux only) rose above the RSS it held with the body read — the items kept included. Times are CPU seconds of
   that child (the machine is shared; wall time would measure the neighbours). Compared, in the same run:
   - ``ayneh``: ``parse_feed(body, max_items=<all>)`` — every item read, so the work is the same;
   - ``ayneh capped``: ``parse_feed(body)`` with the default cap (5,000 items) — what ingestion does;
   - ``feedparser``: plain ``feedparser.parse(body)`` on the bytes.
   The ratios printed are feedparser / ayneh (higher = ayneh better).
2. **Extraction.** ``extract_article`` against bare ``trafilatura.bare_extraction`` (same options) on the
   five real pages of ../shared/data/pages: pages per CPU second, ZWNJs in the output (trafilatura drops
   them all), and token precision/recall on the three pages with hand-made references
   (tests/monitoring/fetch/reference), words compared with their ZWNJ. Also the time to refuse a 50 MB page
   (bare trafilatura was measured at 12.7 s and 969 MB on one; not rerun here).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGES = REPO_ROOT / ".." / "shared" / "data" / "pages"
REFERENCES = REPO_ROOT / "tests" / "monitoring" / "fetch" / "reference"
ZWNJ = "\u200c"
WORD = re.compile(r"[\w\u200c]+")

ITEM = (
    "<item><title>خبر شماره {i} درباره نشست خبری روابط عمومی اداره کل</title>"
    "<link>https://news.example.ir/fa/news/{i}</link><guid isPermaLink='false'>n{i}</guid>"
    "<pubDate>Sat, 22 May 2021 08:30:00 +0430</pubDate>"
    "<description>&lt;p&gt;رئیس روابط عمومی اداره کل در گفت‌وگو با خبرنگاران گفت که برنامه‌های"
    " این اداره کل ادامه دارد. شماره {i}&lt;/p&gt;</description></item>\n"
)
HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>خبرگزاری نمونه</title>'
    "<link>https://news.example.ir/</link>\n"
)

# Run in a child process: read the feed (built once by the parent, so building it leaves no high-water mark
# here), reset the kernel's peak-RSS mark, parse, report CPU time and how far the peak rose above the RSS held
# before parsing (Linux: writing "5" to /proc/self/clear_refs resets VmHWM).
_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
def status_mb(key):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith(key))
body = Path({path!r}).read_bytes()
which = {which!r}
if which == "feedparser":
    import feedparser
    parse = lambda: len(feedparser.parse(body).entries)
else:
    from ayneh.monitoring.fetch.feeds import parse_feed
    cap = 5000 if which == "ayneh capped" else {n_items} + 1  # 5000: FetchLimits' default max_items
    parse = lambda: len(parse_feed(body, max_items=cap).items)
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")
before = status_mb("VmRSS")
start = time.process_time()
items = parse()
cpu = time.process_time() - start
growth = status_mb("VmHWM") - before
print(json.dumps({{"items": items, "cpu": cpu, "rss_growth_mb": growth, "body_mb": len(body) / 2**20}}))
"""


def build_feed(n_items: int) -> bytes:
    """A well-formed RSS 2.0 feed of ``n_items`` items (about 430 bytes each)."""
    return (HEAD + "".join(ITEM.format(i=i) for i in range(n_items)) + "</channel></rss>\n").encode("utf-8")


def feed_run(which: str, path: Path, n_items: int) -> dict[str, float]:
    probe = _CHILD.format(repo=str(REPO_ROOT), path=str(path), n_items=n_items, which=which)
    result = subprocess.run(  # noqa: S603 - our own interpreter running our own probe
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=1800
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def feed_benchmark(n_items: int) -> None:
    print(f"\n== Feed parse: {n_items:,} generated RSS items (each parser in a fresh child process)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.xml"
        path.write_bytes(build_feed(n_items))
        runs = {which: feed_run(which, path, n_items) for which in ("ayneh", "ayneh capped", "feedparser")}
    print(f"body {runs['ayneh']['body_mb']:.1f} MB")
    print(f"{'parser':<14}{'items':>9}{'CPU s':>9}{'items/s':>11}{'peak RSS growth MB':>20}")
    for which, run in runs.items():
        rate = run["items"] / run["cpu"] if run["cpu"] else float("inf")
        print(f"{which:<14}{run['items']:>9,.0f}{run['cpu']:>9.2f}{rate:>11,.0f}{run['rss_growth_mb']:>20.1f}")
    ours, theirs = runs["ayneh"], runs["feedparser"]
    print(
        f"feedparser / ayneh (all items): CPU x{theirs['cpu'] / ours['cpu']:.1f}, "
        f"peak memory growth x{theirs['rss_growth_mb'] / max(ours['rss_growth_mb'], 0.1):.1f}"
    )


def median_cpu(run: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        timings.append(time.process_time() - start)
    return statistics.median(timings)


def token_scores(extracted: str, reference: str) -> tuple[float, float]:
    got = Counter(word.strip(ZWNJ) for word in WORD.findall(extracted))
    want = Counter(word.strip(ZWNJ) for word in WORD.findall(reference))
    shared = sum((got & want).values())
    return shared / max(1, sum(got.values())), shared / max(1, sum(want.values()))


def extraction_benchmark(repeats: int) -> None:
    from trafilatura import bare_extraction

    from ayneh.monitoring.fetch.errors import ExtractError
    from ayneh.monitoring.fetch.extract import extract_article

    pages = sorted(PAGES.glob("*.html"))
    if not pages:
        print("\n== Extraction: ../shared/data/pages not found, skipped")
        return
    htmls = {page.stem: page.read_text(encoding="utf-8") for page in pages}

    def ours(html: str) -> str:
        return extract_article(html).text

    def bare(html: str) -> str:
        document = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        return getattr(document, "text", "") or ""

    print(f"\n== Extraction: {len(pages)} real pages, median of {repeats} CPU-timed passes")
    for run in (ours, bare):  # warm both up (trafilatura loads its stop lists on first use)
        run(htmls[pages[0].stem])
    print(f"{'extractor':<20}{'pages/s':>9}{'ZWNJ kept':>11}   precision / recall per referenced page")
    for name, run in (("ayneh", ours), ("bare trafilatura", bare)):
        seconds = median_cpu(lambda run=run: [run(html) for html in htmls.values()], repeats)
        texts = {stem: run(html) for stem, html in htmls.items()}
        zwnj = sum(text.count(ZWNJ) for text in texts.values())
        scores = []
        for reference in sorted(REFERENCES.glob("*.txt")):
            lines = reference.read_text(encoding="utf-8").splitlines()
            precision, recall = token_scores(texts[reference.stem], "\n".join(lines[1:]))
            scores.append(f"{reference.stem.split('__')[0].removeprefix('www.')} {precision:.3f}/{recall:.3f}")
        print(f"{name:<20}{len(pages) / seconds:>9.1f}{zwnj:>11}   " + ", ".join(scores))
    paragraph = "<p>" + "رئیس روابط عمومی اداره کل در نشست خبری گفت که برنامه‌ها ادامه دارد. " * 8 + "</p>"
    huge = "<html><body>" + paragraph * (50 * 1024 * 1024 // len(paragraph)) + "</body></html>"
    start = time.process_time()
    try:
        extract_article(huge)
    except ExtractError as error:
        print(f"50 MB page: refused in {time.process_time() - start:.4f} CPU s ({error.reason})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="seconds, for CI: 5,000 feed items, one pass")
    args = parser.parse_args()
    n_items, repeats = (5_000, 1) if args.short else (100_000, 5)
    print(f"python {platform.python_version()} on {platform.machine()}, {'short' if args.short else 'full'} mode")
    feed_benchmark(n_items)
    extraction_benchmark(repeats)
    print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
