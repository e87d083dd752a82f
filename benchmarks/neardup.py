"""Near-duplicate benchmark: ayneh.text.neardup against datasketch MinHashLSH, on planted copies of real news.

    .venv/bin/python benchmarks/neardup.py            # full: ~1,100 originals, ~600 copies, 100k-document memory run
    .venv/bin/python benchmarks/neardup.py --short    # seconds: 200 originals, 100 copies (CI)

The test set is built from the real Fars articles in ../shared/data/fars-news:

- *originals*: distinct articles (an article that is a version of an earlier one in the corpus — the
  corpus holds a few exact republications — is left out, so that negatives are truly negative);
- *planted copies*: originals put through one to four realistic republishing edits: the attribution
  rewritten («به گزارش X» → «به گزارش Y به نقل از X»), Persian «ی ک» turned into Arabic «ي ك», a paragraph
  dropped, speech verbs swapped (گفت ↔ اظهار کرد), the headline rewritten, the text cut to its first half;
- *negatives*: held-out articles that are in no way copies, half of them chosen on the same topic as an
  indexed article (same category and at least one shared tag).

Every copy and negative is queried against an index of the originals. A returned (query, original) pair is
a true positive when the query is a copy of that original; precision and recall count pairs. Both methods
see the same texts and the same words: datasketch gets 3-word shingles of ``fold_for_index`` words through
the same kind of per-token memo that ayneh uses, 128 permutations, ``update_batch``, thresholds 0.3 and 0.5,
and its LSH candidates count as its answer (it has no confirmation step). Speeds are end to end from raw
text, in CPU seconds of this one process (the machine is shared), with warm token memos; ayneh uses its
batch calls (``add_many``, ``query_many``), datasketch the calls it offers (one document at a time).

Full mode also indexes 100,000 synthetic articles (real words at their real frequencies, real article
lengths), reports speed and the peak memory under tracemalloc with its linear estimate for 1M, and the
peak memory of both methods for 10,000.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

from ayneh.text.neardup import NearDuplicateIndex, group_documents, similarity
from ayneh.text.normalize import fold_for_index
from ayneh.text.tokenize import words

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fars-news"
SEED = 20240522
OUTLETS = ("ایسنا", "ایرنا", "خبرگزاری مهر", "تسنیم", "باشگاه خبرنگاران جوان", "پایگاه خبری راه بهارستان")


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    abstract: str
    paragraphs: tuple[str, ...]
    topic: tuple[str, str]
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        return "\n".join([self.title, self.abstract, *self.paragraphs])


def load_articles(folder: Path, files: int = 5) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("fars-news-*.json"))[:files]:
        for number, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            articles.append(
                Article(
                    id=f"{path.stem}/{number}",
                    title=item["title"],
                    abstract=item["abstract"],
                    paragraphs=tuple(p for p in item["paragraphs"] if p.strip()),
                    topic=(item.get("cat", ""), item.get("subcat", "")),
                    tags=frozenset(item.get("tags") or ()),
                )
            )
    return articles


def distinct_articles(articles: Sequence[Article]) -> list[Article]:
    """Articles that are not a version of an earlier one (overlap ≥ 0.3, looser than any threshold below)."""
    groups = group_documents(((a.id, a.text) for a in articles), threshold=0.3)
    kept = {doc_id for doc_id, group in groups if doc_id == group}
    return [a for a in articles if a.id in kept and len(a.text.split()) >= 30]


# --- Republishing edits ------------------------------------------------------------------------------------

_ATTRIBUTION = re.compile(r"^به گزارش ([^،,\n]{1,150}?)[،,]\s*")
_AGENCY_LEAD = re.compile(r"^خبرگزار[یي] فارس\s*:\s*")
_SAID = re.compile(r"(?<![\w\u200c])گفت(?=[\s:،.])")
_STATED = re.compile(r"(?<![\w\u200c])اظهار ?(?:[کك]رد|داشت)(?![\w\u200c])")


def rewrite_attribution(article: Article, rng: random.Random) -> Article:
    outlet = rng.choice(OUTLETS)
    first, *rest = article.paragraphs or ("",)
    match = _ATTRIBUTION.match(first)
    if match:
        first = f"به گزارش {outlet} به نقل از {match.group(1)}، " + first[match.end() :]
    else:
        first = f"به گزارش {outlet}، " + first
    abstract = _AGENCY_LEAD.sub(f"{outlet}: ", article.abstract)
    return replace(article, abstract=abstract, paragraphs=(first, *rest))


def arabic_letters(article: Article, rng: random.Random) -> Article:
    table = str.maketrans({"ی": "ي", "ک": "ك"})
    return replace(
        article,
        title=article.title.translate(table),
        abstract=article.abstract.translate(table),
        paragraphs=tuple(p.translate(table) for p in article.paragraphs),
    )


def drop_paragraph(article: Article, rng: random.Random) -> Article:
    if len(article.paragraphs) < 3:
        return article
    dropped = rng.randrange(1, len(article.paragraphs))
    return replace(article, paragraphs=article.paragraphs[:dropped] + article.paragraphs[dropped + 1 :])


def swap_speech_verbs(article: Article, rng: random.Random) -> Article:
    def swap(text: str) -> str:
        text = _STATED.sub("\0", text)
        text = _SAID.sub("اظهار کرد", text)
        return text.replace("\0", "گفت")

    return replace(article, abstract=swap(article.abstract), paragraphs=tuple(map(swap, article.paragraphs)))


def rewrite_headline(article: Article, rng: random.Random) -> Article:
    """A new headline made of a quote from the body, as republishers do."""
    body = " ".join(article.paragraphs[1:] or article.paragraphs)
    body_words = body.split()
    if len(body_words) < 12:
        return replace(article, title="خبر: " + " ".join(reversed(article.title.split())))
    start = rng.randrange(0, len(body_words) - 10)
    return replace(article, title=" ".join(body_words[start : start + rng.randint(6, 10)]))


def truncate_to_half(article: Article, rng: random.Random) -> Article:
    """The text cut at a word boundary halfway through, as feed excerpts are."""
    text_words = article.text.replace("\n", " \n ").split(" ")
    kept = " ".join(text_words[: len(text_words) // 2])
    title, _, rest = kept.partition(" \n ")
    lines = [line.strip() for line in rest.split("\n")]
    return replace(article, title=title, abstract=lines[0] if lines else "", paragraphs=tuple(lines[1:]))


EDITS: dict[str, Callable[[Article, random.Random], Article]] = {
    "attribution": rewrite_attribution,
    "arabic letters": arabic_letters,
    "paragraph dropped": drop_paragraph,
    "speech verbs": swap_speech_verbs,
    "headline": rewrite_headline,
    "truncated": truncate_to_half,
}


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    truth: frozenset[str]  # ids of the originals it is a version of
    kind: str  # "copy", "negative", "negative (same topic)"
    edits: tuple[str, ...] = ()


def plant_copies(originals: Sequence[Article], count: int, rng: random.Random) -> list[Query]:
    copies = []
    for n, original in enumerate(rng.sample(list(originals), count)):
        names = rng.sample(sorted(EDITS), rng.randint(1, 4))
        names.sort(key=lambda name: name == "truncated")  # cut last, after the other edits
        copy = original
        for name in names:
            copy = EDITS[name](copy, rng)
        copies.append(Query(f"copy-{n}", copy.text, frozenset({original.id}), "copy", tuple(names)))
    return copies


def pick_negatives(held_out: Sequence[Article], indexed: Sequence[Article], count: int) -> list[Query]:
    """``count`` held-out articles, half of them (where there are enough) on the topic of an indexed one."""
    indexed_tags: dict[tuple[str, str], set[str]] = {}
    for article in indexed:
        indexed_tags.setdefault(article.topic, set()).update(article.tags)
    same_topic = [a for a in held_out if a.tags & indexed_tags.get(a.topic, set())]
    others = [a for a in held_out if a not in same_topic]
    chosen_same = same_topic[: count // 2]
    chosen = chosen_same + others[: count - len(chosen_same)]
    return [
        Query(a.id, a.text, frozenset(), "negative (same topic)" if a in chosen_same else "negative") for a in chosen
    ]


# --- The two methods -------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    index_seconds: float
    query_seconds: float
    indexed: int
    queried: int
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    wrong_by_kind: dict[str, int] = field(
        default_factory=dict
    )  # missed copies per edit, false matches per negative kind

    @property
    def index_rate(self) -> float:
        return self.indexed / self.index_seconds

    @property
    def query_rate(self) -> float:
        return self.queried / self.query_seconds

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def score(self, queries: Sequence[Query], answers: Sequence[set[str]]) -> None:
        for query, answer in zip(queries, answers, strict=True):
            self.true_positives += len(answer & query.truth)
            self.false_positives += len(answer - query.truth)
            missed = len(query.truth - answer)
            self.false_negatives += missed
            if missed:
                for edit in query.edits:
                    self.wrong_by_kind[f"missed after {edit}"] = self.wrong_by_kind.get(f"missed after {edit}", 0) + 1
            if answer - query.truth:
                kind = f"false match on {query.kind}"
                self.wrong_by_kind[kind] = self.wrong_by_kind.get(kind, 0) + 1


def run_ayneh(originals: Sequence[Article], queries: Sequence[Query]) -> Result:
    index = NearDuplicateIndex()
    start = time.process_time()
    index.add_many((a.id, a.text) for a in originals)
    len(index)  # flushes
    indexed = time.process_time()
    answers = index.query_many([q.text for q in queries])
    done = time.process_time()
    result = Result("ayneh", indexed - start, done - indexed, len(originals), len(queries))
    result.score(queries, [{doc_id for doc_id, _ in found} for found in answers])
    # How far the index's confirmation score is from the exact overlap score, over everything it returned.
    text_of = {a.id: a.text for a in originals}
    errors = [
        abs(score - similarity(query.text, text_of[doc_id]))
        for query, found in zip(queries, answers, strict=True)
        for doc_id, score in found
    ]
    print(
        f"ayneh's confirmation score vs the exact overlap score over its {len(errors)} answers: "
        f"largest difference {max(errors, default=0.0):.3f}"
    )
    return result


class DatasketchShingler:
    """3-word shingles for datasketch: the same folded words, memoised per token as ayneh does."""

    def __init__(self) -> None:
        self._words: dict[str, list[str]] = {}

    def _token_words(self, token: str) -> list[str]:
        found = self._words.get(token)
        if found is None:
            found = self._words[token] = words(fold_for_index(token))
        return found

    def shingles(self, text: str) -> list[bytes]:
        text_words = [w for token in text.split() for w in self._token_words(token)]
        if len(text_words) < 3:
            return [" ".join(text_words).encode()] if text_words else []
        return [" ".join(text_words[i : i + 3]).encode() for i in range(len(text_words) - 2)]

    def minhash(self, text: str) -> MinHash:
        sketch = MinHash(num_perm=128)
        sketch.update_batch(self.shingles(text))
        return sketch


def run_datasketch(
    originals: Sequence[Article], queries: Sequence[Query], threshold: float, shingler: DatasketchShingler
) -> Result:
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    start = time.process_time()
    for article in originals:
        lsh.insert(article.id, shingler.minhash(article.text), check_duplication=False)
    indexed = time.process_time()
    answers = [set(lsh.query(shingler.minhash(q.text))) for q in queries]
    done = time.process_time()
    result = Result(f"datasketch {threshold}", indexed - start, done - indexed, len(originals), len(queries))
    result.score(queries, answers)
    return result


# --- Memory at scale -------------------------------------------------------------------------------------


def synthetic_texts(articles: Sequence[Article], count: int, seed: int) -> list[str]:
    """``count`` texts as long as real articles, of real words drawn by their frequency in ``articles``,
    with a paragraph break every 40 words: the vocabulary and lengths of news, and no two texts alike (texts
    recombined from real sentences would instead each share sentences with hundreds of others)."""
    counts = Counter(word for article in articles for word in article.text.split())
    vocabulary = list(counts)
    cumulative = np.cumsum([counts[word] for word in vocabulary], dtype=np.float64)
    cumulative /= cumulative[-1]
    generator = np.random.default_rng(seed)
    lengths = generator.choice([len(article.text.split()) for article in articles], size=count)
    # Inverse-CDF sampling of every word of every text at once.
    picked = np.searchsorted(cumulative, generator.random(int(lengths.sum())))
    texts = []
    start = 0
    for length in lengths:
        words_of_text = [vocabulary[i] for i in picked[start : start + length]]
        start += length
        texts.append("\n".join(" ".join(words_of_text[p : p + 40]) for p in range(0, length, 40)))
    return texts


def measure_memory(make_index: Callable[[Sequence[str]], object], texts: Sequence[str]) -> tuple[int, float]:
    """Peak bytes allocated while indexing ``texts`` (texts themselves excluded), and the seconds it took."""
    gc.collect()
    tracemalloc.start()
    start = time.process_time()
    index = make_index(texts)
    seconds = time.process_time() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return peak, seconds


def ayneh_index(texts: Sequence[str]) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add_many((f"d{i}", text) for i, text in enumerate(texts))
    len(index)
    return index


def datasketch_index(texts: Sequence[str], shingler: DatasketchShingler) -> MinHashLSH:
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, text in enumerate(texts):
        lsh.insert(f"d{i}", shingler.minhash(text), check_duplication=False)
    return lsh


def measure_scale(articles: Sequence[Article], seed: int) -> None:
    """Speed and memory with 100,000 documents in the index; memory next to datasketch's at 10,000."""
    texts = synthetic_texts(articles, 102_000, seed)
    texts, fresh = texts[:100_000], texts[100_000:]
    ayneh_index(fresh)  # warm the token memo on this vocabulary, untimed
    start = time.process_time()
    index = ayneh_index(texts)
    seconds = time.process_time() - start
    # Half of the probes have a version in the index (their first half), half are new texts.
    probes = [t[: len(t) // 2] for t in texts[:: len(texts) // 2_000]] + fresh
    start = time.process_time()
    found = index.query_many(probes)
    query_seconds = time.process_time() - start
    print(
        f"ayneh, 100,000 documents: index {len(texts) / seconds:,.0f} docs/s, query {len(probes) / query_seconds:,.0f}"
        f" docs/s ({sum(map(bool, found))} of {len(probes)} probes found a version); arrays "
        f"{index.nbytes / 2**20:,.0f} MiB ({index.nbytes / len(texts):,.0f} bytes per document, ids not counted)"
    )
    del index
    peak, _ = measure_memory(ayneh_index, texts)
    print(
        f"ayneh, 100,000 documents: peak {peak / 2**20:,.0f} MiB allocated while indexing (tracemalloc, ids and "
        f"batch buffers included); linear estimate for 1M: {10 * peak / 2**30:,.1f} GiB"
    )
    sample = texts[:10_000]
    shingler = DatasketchShingler()
    for text in sample:
        shingler.shingles(text)  # warm, like ayneh's memo: the memos are not the index
    ours, _ = measure_memory(ayneh_index, sample)
    theirs, _ = measure_memory(lambda sample: datasketch_index(sample, shingler), sample)
    print(
        f"10,000 documents, peak while indexing: ayneh {ours / 2**20:,.1f} MiB, datasketch (0.5) "
        f"{theirs / 2**20:,.1f} MiB ({theirs / ours:.1f}×)"
    )


# --- Report ----------------------------------------------------------------------------------------------


def print_table(results: Sequence[Result]) -> None:
    ours = results[0]
    print(f"{'method':<18}{'index docs/s':>14}{'query docs/s':>14}{'precision':>11}{'recall':>9}")
    for r in results:
        print(f"{r.name:<18}{r.index_rate:>14,.0f}{r.query_rate:>14,.0f}{r.precision:>11.3f}{r.recall:>9.3f}")
    for r in results[1:]:
        print(
            f"ayneh / {r.name}: index {ours.index_rate / r.index_rate:.1f}×, "
            f"query {ours.query_rate / r.query_rate:.1f}×"
        )
    for r in results:
        if r.wrong_by_kind:
            wrong = ", ".join(f"{kind} {n}" for kind, n in sorted(r.wrong_by_kind.items()))
            print(f"  {r.name} wrong answers: {wrong}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="a small run for CI (seconds)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no data at {DATA}: nothing to measure", file=sys.stderr)
        return 0
    rng = random.Random(args.seed)

    articles = distinct_articles(load_articles(DATA, files=2 if args.short else 5))
    rng.shuffle(articles)
    index_count, copy_count, negative_count = (200, 100, 60) if args.short else (1_100, 600, 300)
    originals, held_out = articles[:index_count], articles[index_count:]
    queries = plant_copies(originals, copy_count, rng) + pick_negatives(held_out, originals, negative_count)
    rng.shuffle(queries)
    print(
        f"{len(originals)} originals indexed; {copy_count} planted copies and "
        f"{sum(q.kind.startswith('negative') for q in queries)} negatives "
        f"({sum(q.kind == 'negative (same topic)' for q in queries)} same-topic) queried"
    )

    # Warm both token memos on every text, untimed: a monitoring process runs with a warm memo.
    shingler = DatasketchShingler()
    warm = [a.text for a in originals] + [q.text for q in queries]
    NearDuplicateIndex().query_many(warm)
    for text in warm:
        shingler.shingles(text)

    results = [run_ayneh(originals, queries)]
    results += [run_datasketch(originals, queries, threshold, shingler) for threshold in (0.3, 0.5)]
    print_table(results)
    by_id = {a.id: a for a in originals}
    exact = sorted(similarity(q.text, by_id[next(iter(q.truth))].text) for q in queries if q.truth)
    print(
        f"exact overlap score of the planted copies with their originals: min {exact[0]:.2f}, "
        f"5th percentile {exact[len(exact) // 20]:.2f}, median {exact[len(exact) // 2]:.2f}"
    )

    if not args.short:
        measure_scale(articles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
