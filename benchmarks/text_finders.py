"""Throughput of the people, place and organisation finders on real Fars news, against a word-scan floor.

    .venv/bin/python benchmarks/text_finders.py            # full: every article, 7 interleaved repeats
    .venv/bin/python benchmarks/text_finders.py --short    # seconds: 150 articles, 3 repeats (CI)

What is timed: ``find_persons``, ``find_provinces`` + ``find_cities`` and ``find_organizations`` on
normalised article text (what ``analyse`` hands them), each alone and the three together on one shared
scan (``ayneh.text.gazetteer.scan``, cached per text, built afresh for every article in every row). The
articles are the real Fars ones in ../shared/data/fars-news (title, abstract and paragraphs joined by
newlines), normalised once before timing. The headline set is the articles of 1,000–2,000 characters, the
band around the median article (~1,400); full mode also runs every article.

The peer, in the same run: ``WORD_RE.findall(text)`` — a plain ``re.findall`` of Persian words over the same
text, with nothing looked up. Any finder that reads words pays at least this, so it is the floor, and
``× floor`` (finder time ÷ floor time) says how much of the finders' cost is more than reading the words.
A ratio from one run is also steadier than a rate on a shared machine: load slows both alike.

Timing: CPU seconds of this process; the rows are run in turn within each repeat (interleaved, so a busy
moment hits every row) and each row reports its fastest repeat.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ayneh.text import gazetteer as gz
from ayneh.text.normalize import normalize
from ayneh.text.organizations import find_organizations
from ayneh.text.people import find_persons
from ayneh.text.places import find_cities, find_provinces

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fars-news"
BAND = (1_000, 2_000)  # characters: the headline set, around the median article
SHORT_ARTICLES = 150


def load_texts() -> list[str]:
    """Every Fars article as the analyser reads it: title, abstract and paragraphs by newlines, normalised."""
    texts = []
    for path in sorted(DATA.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            parts = [item.get("title") or "", item.get("abstract") or "", *item.get("paragraphs", [])]
            texts.append(normalize("\n".join(p for p in parts if p)))
    return texts


def _persons(text: str) -> object:
    return find_persons(text)


def _places(text: str) -> object:
    return find_provinces(text), find_cities(text)


def _organizations(text: str) -> object:
    return find_organizations(text)


def _all_three(text: str) -> object:
    return find_persons(text), find_provinces(text), find_cities(text), find_organizations(text)


def _scan_only(text: str) -> object:
    return gz.scan(text)


def _floor(text: str) -> object:
    return gz.WORD_RE.findall(text)


ROWS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("floor: re.findall of words (peer)", _floor),
    ("scan only (gazetteer.scan)", _scan_only),
    ("find_persons", _persons),
    ("find_provinces + find_cities", _places),
    ("find_organizations", _organizations),
    ("all three finders, one shared scan", _all_three),
)


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    seconds: float
    articles: int
    chars: int

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds


def measure(texts: Sequence[str], repeats: int) -> list[Result]:
    """Every row over every text, ``repeats`` times interleaved; each row's fastest repeat."""
    best = {name: float("inf") for name, _ in ROWS}
    for text in texts[:20]:  # load the word lists before any timing
        _all_three(text)
    for _ in range(repeats):
        for name, function in ROWS:
            gz.scan.cache_clear()  # no row starts from a scan an earlier row made
            start = time.process_time()
            for text in texts:
                function(text)
            best[name] = min(best[name], time.process_time() - start)
    chars = sum(map(len, texts))
    return [Result(name, best[name], len(texts), chars) for name, _ in ROWS]


def report(title: str, results: list[Result]) -> None:
    floor = results[0]
    print(f"\n{title}")
    print(f"  {'':<38} {'articles/s':>11} {'M chars/s':>10} {'µs/article':>11} {'× floor':>8}")
    for row in results:
        print(
            f"  {row.name:<38} {row.articles_per_second:>11,.0f} {row.chars / row.seconds / 1e6:>10.2f}"
            f" {row.seconds / row.articles * 1e6:>11.0f} {row.seconds / floor.seconds:>8.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="a few seconds: 150 articles, 3 repeats (for CI)")
    parser.add_argument("--repeats", type=int, default=None, help="repeats per row (default 7, short 3)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present (the Fars corpus lives in ../shared/data)")
        return 0
    repeats = args.repeats or (3 if args.short else 7)
    texts = load_texts()
    band = [t for t in texts if BAND[0] <= len(t) <= BAND[1]]
    if args.short:
        band = band[:SHORT_ARTICLES]
    print(f"Python {platform.python_version()} on {platform.machine()}; one process, CPU time, best of {repeats}")
    sets = [(f"articles of {BAND[0]:,}–{BAND[1]:,} characters", band)]
    if not args.short:
        sets.append(("every article", texts))
    for label, chosen in sets:
        mean = sum(map(len, chosen)) / len(chosen)
        report(f"{label}: {len(chosen):,} articles, mean {mean:,.0f} characters", measure(chosen, repeats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
