"""Text throughput benchmark: ayneh.text against hazm (and persiantools) on real Fars news.

    .venv/bin/python benchmarks/text_analyze.py            # full: a >= 10 MB corpus, 5 repeats
    .venv/bin/python benchmarks/text_analyze.py --short    # seconds: 100 articles, 3 repeats (CI)

(Importing hazm alone takes about 5 CPU seconds — it pulls in nltk and scipy — so even the short run takes
that long; the import is not part of any timing.)

The corpus is built from the real articles in ../shared/data/fars-news (title, abstract and paragraphs joined
by newlines; the publication date read from the article's link). To reach the size, every article is used
again in varied copies, the kinds of variation real republishing brings: Arabic «ي ك» for Persian «ی ک»,
Persian digits for ASCII ones, ZWNJ typed as a space, the last paragraph dropped, a new attribution line.
Full mode keeps adding copies until the corpus holds at least 10 MB of UTF-8 text.

What is timed (CPU seconds of this single-threaded process, pinned to one core, so other work on the
shared machine does not count against it; each figure is the median of the repeats, each repeat running
the whole corpus):

1. Analyse: ``ayneh.text.analyze.analyse(text, published=...)`` when it is importable — otherwise the
   output says so and times normalise + sentences + words + dates instead — against the named peer, run
   in the same process on the same texts: hazm's ``Normalizer().normalize`` + ``SentenceTokenizer`` +
   ``WordTokenizer`` (every sentence). Also the ayneh normalise + tokenise steps alone, which are what hazm
   would replace. The three rows run in turn within each repeat (interleaved), so a busy moment on the
   shared machine slows all of them alike; the ratio is printed both from the medians and as the median of
   the per-repeat ratios. A further line estimates a whole analyser built on hazm (hazm's steps in place of
   ours, plus the rest of our analysis): it is arithmetic on the measured rows, said so in the output, and
   never the headline ratio.
2. Normalise only: ``normalize``, ``normalize_with_offsets``, ``fold_for_index`` against hazm's
   ``Normalizer`` and persiantools (``characters.ar_to_fa`` then ``digits.fa_to_en``), with a single
   ``str.translate`` as the floor of what any Python normaliser costs.
3. Tokenise only: our ``sentences``/``words`` against hazm's tokenizers on normalised text, and how far
   the two agree (hazm joins compound verbs, «شده_است», by default; it does not split at line breaks).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jdatetime

from ayneh.text.dates import find_dates
from ayneh.text.normalize import fold_for_index, normalize, normalize_with_offsets
from ayneh.text.tokenize import sentences, words

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fars-news"
FULL_CORPUS_BYTES = 10 * 1024 * 1024
SHORT_ARTICLES = 100
_LINK_DATE = re.compile(r"/news/(?:(1[34]\d\d)(\d\d)(\d\d)|(\d\d)(\d\d)(\d\d))")
_PUNCTUATION_TOKEN = re.compile(r"^\W+$")


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published: dt.date | None


def published_from_link(link: str) -> dt.date | None:
    """Fars links carry the Solar Hijri date: /news/8707060255 → 1387-07-06, /news/13911222000865 → 1391-12-22."""
    match = _LINK_DATE.search(link)
    if match is None:
        return None
    if match[1]:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        year, month, day = 1300 + int(match[4]), int(match[5]), int(match[6])
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def load_articles() -> list[Article]:
    articles = []
    for path in sorted(DATA.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            parts = [item.get("title") or "", item.get("abstract") or "", *item.get("paragraphs", [])]
            articles.append(Article("\n".join(p for p in parts if p), published_from_link(item.get("link", ""))))
    return articles


_TO_ARABIC_LETTERS = str.maketrans("یک", "يك")
_TO_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_VARIATIONS: tuple[Callable[[str], str], ...] = (
    lambda text: text,
    lambda text: text.translate(_TO_ARABIC_LETTERS),
    lambda text: text.translate(_TO_PERSIAN_DIGITS).replace("\u200c", " "),
    lambda text: text.rsplit("\n", 1)[0] if "\n" in text else text,
    lambda text: "به گزارش پایگاه خبری راه بهارستان به نقل از خبرگزاری فارس،\n" + text,
)


def build_corpus(articles: Sequence[Article], *, short: bool) -> list[Article]:
    """The real articles, then varied copies of them until the corpus is large enough (see the docstring)."""
    if short:
        return list(articles[:SHORT_ARTICLES])
    corpus: list[Article] = []
    size = 0
    round_number = 0
    while size < FULL_CORPUS_BYTES:
        vary = _VARIATIONS[round_number % len(_VARIATIONS)]
        for article in articles:
            text = vary(article.text)
            corpus.append(Article(text, article.published))
            size += len(text.encode("utf-8"))
        round_number += 1
    return corpus


def interleaved(runs: Sequence[Callable[[], object]], repeats: int) -> list[list[float]]:
    """CPU seconds of each run, ``repeats`` times, the runs taking turns within each repeat."""
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, times in zip(runs, timings, strict=True):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
    return timings


def pin_to_one_core() -> str:
    """Run on one core only (where the OS allows it), so the figures are per core by construction."""
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
    except (AttributeError, OSError):
        return "not pinned (no CPU affinity here); single-threaded"
    return f"pinned to core {core}"


def median_cpu_seconds(run: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        timings.append(time.process_time() - start)
    return statistics.median(timings)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    seconds: float
    articles: int
    chars: int

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds


def timed[T](name: str, items: Sequence[T], function: Callable[[T], object], repeats: int, *, chars: int) -> Row:
    """``function`` over every item, the median CPU time of ``repeats`` runs; ``chars`` is the text size."""

    def run() -> None:
        for item in items:
            function(item)

    return Row(name, median_cpu_seconds(run, repeats), len(items), chars)


def print_table(title: str, rows: Iterable[Row], baseline: Row | None) -> None:
    print(f"\n{title}")
    header = f"  {'pipeline':<52} {'articles/s':>11} {'M chars/s':>10}"
    print(header + (f" {'×':>8}" if baseline else ""))
    for row in rows:
        line = f"  {row.name:<52} {row.articles_per_second:>11,.0f} {row.chars_per_second / 1e6:>10.2f}"
        if baseline:
            line += f" {row.chars_per_second / baseline.chars_per_second:>8.2f}"
        print(line)


def ayneh_analyse() -> tuple[str, Callable[[Article], object]]:
    """The full analyser if it exists, else the normalise + tokenise + dates steps, with a label saying which."""
    try:
        analyze = importlib.import_module("ayneh.text.analyze")
    except ImportError:
        print("NOTE: ayneh.text.analyze is not importable yet; timing normalise + tokenise + dates instead.")
        return "ayneh normalise+sentences+words+dates (no analyse yet)", _ayneh_base
    analyse = analyze.analyse
    return "ayneh analyse() (everything)", lambda a: analyse(a.text, published=a.published)


def _ayneh_base(article: Article) -> object:
    normalized = normalize_with_offsets(article.text).text
    return sentences(normalized), words(normalized), find_dates(normalized, reference=article.published)


def _ayneh_normalise_tokenise(text: str) -> object:
    normalized = normalize_with_offsets(text).text
    return sentences(normalized), words(normalized)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="a few seconds: small corpus, 3 repeats (for CI)")
    parser.add_argument("--repeats", type=int, default=None, help="repeats per measurement (default 5, short 3)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present (the Fars corpus lives in ../shared/data)")
        return 0
    repeats = args.repeats or (3 if args.short else 5)

    from hazm import Normalizer, SentenceTokenizer, WordTokenizer  # slow to import (nltk); only when used

    hazm_normalizer, hazm_sentences, hazm_words = Normalizer(), SentenceTokenizer(), WordTokenizer()
    corpus = build_corpus(load_articles(), short=args.short)
    texts = [a.text for a in corpus]
    size = sum(len(t.encode("utf-8")) for t in texts)
    pinned = pin_to_one_core()
    print(f"Python {platform.python_version()} on {platform.machine()}; one process, {pinned}, CPU time;")
    print(f"median of {repeats} repeats over {len(texts):,} articles, {sum(map(len, texts)):,} characters")
    print(f"({size / 1024 / 1024:.1f} MB UTF-8; mode: {'short' if args.short else 'full'}).")

    def hazm_pipeline(text: str) -> object:
        normalized = hazm_normalizer.normalize(text)
        return [hazm_words.tokenize(s) for s in hazm_sentences.tokenize(normalized)]

    # 1. Analyse, interleaved with the peer.
    label, analyse = ayneh_analyse()
    chars = sum(map(len, texts))
    for article in corpus[:20]:  # the word lists load on first use: not part of any timing
        analyse(article)
    analyse_times, ours_nt_times, hazm_times = interleaved(
        [
            lambda: [analyse(article) for article in corpus],
            lambda: [_ayneh_normalise_tokenise(text) for text in texts],
            lambda: [hazm_pipeline(text) for text in texts],
        ],
        repeats,
    )
    analyse_row = Row(label, statistics.median(analyse_times), len(texts), chars)
    ours_nt = Row(
        "ayneh normalise (with offsets) + sentences + words", statistics.median(ours_nt_times), len(texts), chars
    )
    hazm_label = "hazm Normalizer + SentenceTokenizer + WordTokenizer"
    hazm_row = Row(hazm_label, statistics.median(hazm_times), len(texts), chars)
    print_table(
        "1. Analyse throughput (× = speed relative to the hazm pipeline, the named peer)",
        [analyse_row, ours_nt, hazm_row],
        hazm_row,
    )
    per_repeat = statistics.median(h / a for a, h in zip(analyse_times, hazm_times, strict=True))
    print(
        f"  RATIO ayneh analyse() vs hazm normalise+tokenise: {hazm_row.seconds / analyse_row.seconds:.2f}× from the"
        f" medians, {per_repeat:.2f}× median of the {repeats} per-repeat ratios;"
        f" {analyse_row.articles_per_second:,.0f} articles/s on one core"
        f" (mean {chars / len(texts):,.0f} characters an article)"
    )
    # An analyser built on hazm would run hazm's normalise+tokenise and then the rest of the analysis, which
    # is ours minus our own normalise+tokenise. Nobody has built one, so this is an estimate from the rows
    # above, printed as such and not as the headline ratio.
    rest = max(analyse_row.seconds - ours_nt.seconds, 0.0)
    estimated = hazm_row.seconds + rest
    print(
        f"  estimate (not measured): an analyser doing hazm's steps plus the rest of ours would take"
        f" {estimated / len(texts) * 1e6:,.0f} µs an article; ayneh analyse() is {estimated / analyse_row.seconds:.2f}×"
        " that"
    )

    # 2. Normalise only.
    normalise_rows = [
        timed("ayneh normalize", texts, normalize, repeats, chars=chars),
        timed("ayneh normalize_with_offsets", texts, normalize_with_offsets, repeats, chars=chars),
        timed("ayneh fold_for_index", texts, fold_for_index, repeats, chars=chars),
        timed("hazm Normalizer().normalize", texts, hazm_normalizer.normalize, repeats, chars=chars),
    ]
    try:
        from persiantools import characters, digits

        normalise_rows.append(
            timed(
                "persiantools ar_to_fa + fa_to_en",
                texts,
                lambda t: digits.fa_to_en(characters.ar_to_fa(t)),
                repeats,
                chars=chars,
            )
        )
    except ImportError:
        print("NOTE: persiantools is not installed; its row is left out.")
    floor_table = str.maketrans("يك٠١٢٣٤٥٦٧٨٩", "یک0123456789")
    normalise_rows.append(
        timed("one str.translate (floor)", texts, lambda t: t.translate(floor_table), repeats, chars=chars)
    )
    print_table("2. Normalise only (× = relative to hazm)", normalise_rows, normalise_rows[3])

    # 3. Tokenise only, on normalised text.
    normalized_texts = [normalize(t) for t in texts]
    tokenise_rows = [
        timed("ayneh sentences", normalized_texts, sentences, repeats, chars=chars),
        timed("hazm SentenceTokenizer", normalized_texts, hazm_sentences.tokenize, repeats, chars=chars),
        timed("ayneh words", normalized_texts, words, repeats, chars=chars),
        timed("hazm WordTokenizer", normalized_texts, hazm_words.tokenize, repeats, chars=chars),
    ]
    print_table("3. Tokenise only, on normalised text", tokenise_rows, None)
    print_agreement(normalized_texts[: min(len(normalized_texts), 1500)], hazm_sentences, hazm_words)
    return 0


def print_agreement(texts: Sequence[str], hazm_sentences: object, hazm_words: object) -> None:
    """How far our words and sentences agree with hazm's on the same normalised texts."""
    ours_total = hazm_total = common = 0
    for text in texts:
        ours = Counter(words(text))
        theirs = Counter(t for t in hazm_words.tokenize(text) if not _PUNCTUATION_TOKEN.match(t))  # type: ignore[attr-defined]
        ours_total += sum(ours.values())
        hazm_total += sum(theirs.values())
        common += sum((ours & theirs).values())
    our_sentences = sum(len(sentences(t)) for t in texts)
    their_sentences = sum(len(hazm_sentences.tokenize(t)) for t in texts)  # type: ignore[attr-defined]
    print(
        f"  agreement on {len(texts):,} articles: words ours {ours_total:,}, hazm {hazm_total:,} (punctuation left"
        f" out), shared {common / max(ours_total, 1):.1%} of ours / {common / max(hazm_total, 1):.1%} of hazm's;"
        f" sentences ours {our_sentences:,}, hazm {their_sentences:,}"
    )


if __name__ == "__main__":
    sys.exit(main())
