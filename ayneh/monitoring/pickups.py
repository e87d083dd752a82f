"""Pickup detection: which published releases an article carries, and the evidence for it.

The rule (one place, so the benchmark and the UI explain the same thing). Texts are compared as sets of
word 3-shingles (``ayneh.text.shingles``: Arabic letters, digits, ZWNJ and punctuation folded away first):

- *When.* A release is a candidate for an article seen at time t when it was published in
  [t − WINDOW, t + EARLY_SLACK]: outlets carry a release within days (WINDOW = 14 days), and an outlet's
  clock or time zone may put its article a little before the release (EARLY_SLACK = 1 hour).
- *Passages shared.* ``shared`` is the number of distinct shingles the article (title and body) and the
  release (title, lead, body) have in common, counted exactly; ``overlap = shared / min(|article|,
  |release|)`` is the share of the shorter text that the other carries. It stays high when an outlet drops
  paragraphs, cuts the text to its first paragraphs, rewrites the headline or the lead, adds its credit line
  or a background paragraph, and is near 0 for a different story — also one on the same topic in the same
  week, which shares phrases but not passages.
- *Evidence counts once.* When an article shares text with several releases, the best-matching release
  takes its passages first; a further release is judged only on the shingles the better ones did not
  already explain. So a copy of a follow-up release that repeats a paragraph of an earlier one is not also
  a pickup of the earlier one, while a roundup carrying two different releases is a pickup of both.
- *Accepted* when ``shared`` ≥ MIN_SHARED_SHINGLES (20, a long sentence's worth: a headline or a phrase in
  common is no evidence) and either
  - ``overlap`` ≥ TEXT_THRESHOLD (0.5): most of the shorter text is the other's — a pickup whether or not
    the outlet credits anyone; or
  - the article credits the release's own office («به نقل از روابط عمومی ...», read by
    ``ayneh.text.analyse`` with its typo-tolerant office matching) and ``overlap`` ≥ CREDITED_THRESHOLD
    (0.2): a rewritten story that still carries whole passages of the office's release.
  A credit with no shared passages is a *mention* of the office, not a pickup; an outlet's own report of the
  same event that quotes a sentence of the release, without the credit, is not a pickup either (the
  sentence is a small share of either text).

Candidates come from a ``NearDuplicateIndex`` of all published releases, held per process and brought up to
date before every chunk (new releases are added; withdrawn ones are ignored when found), with large samples
(a short copy of a long release must still share samples with it) and no length floor; each candidate is
then confirmed exactly against the release's shingle set (kept for the SHINGLE_CACHE releases met
lately, read and shingled again for an older one). Articles arrive already sketched
(``versions.matching_sketches``), so matching costs no second pass over their text.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, Max, Sum

from ayneh.core.sanitize import html_to_text
from ayneh.monitoring.versions import SKETCH_CONFIRM_SIZE, SKETCH_SAMPLE_SIZE, matching_sketches
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.text.minhash import Sketches
from ayneh.text.neardup import NearDuplicateIndex
from ayneh.text.normalize import normalize
from ayneh.text.shingles import shingle_batch
from ayneh.text.tokenize import sentences

WINDOW = dt.timedelta(days=14)
EARLY_SLACK = dt.timedelta(hours=1)
TEXT_THRESHOLD = 0.5
CREDITED_THRESHOLD = 0.2
MIN_SHARED_SHINGLES = 20
MAX_PICKUPS_PER_ARTICLE = 5
# The index's own threshold, on its estimate: below CREDITED_THRESHOLD so that no candidate is lost to the
# estimate's error (the exact count decides).
_CANDIDATE_THRESHOLD = 0.12
_MAX_CANDIDATES = 20
# Evidence: a release sentence counts as carried when this share of its shingles is in the article.
PASSAGE_COVERAGE = 0.6
MAX_PASSAGES = 12
_MIN_PASSAGE_SHINGLES = 3
_LOAD_CHUNK = 500
# Releases whose exact shingle sets stay in memory (a few KB each): far more than one window's candidates.
SHINGLE_CACHE = 4_096


def release_plain_text(*, title: str, lead: str, body_html: str) -> str:
    """A release as plain text, title first: what outlets receive and republish."""
    return "\n".join(part for part in (title.strip(), lead.strip(), html_to_text(body_html)) if part)


@dataclass(frozen=True, slots=True)
class ArticleForMatching:
    """What matching needs of an article besides its sketch: when it was seen and the office it credits."""

    seen_at: dt.datetime
    credited_office_id: int | None


@dataclass(frozen=True, slots=True)
class PickupMatch:
    """An accepted pickup: ``similarity`` is the overlap on the article's own evidence for this release,
    ``shared`` the number of shingles it rests on, ``credited`` whether the credit rule was needed or met."""

    release_id: int
    similarity: float
    shared: int
    credited: bool

    @property
    def rule(self) -> str:
        return "text" if self.similarity >= TEXT_THRESHOLD else "credited"


@dataclass(frozen=True, slots=True)
class _IndexedRelease:
    office_id: int
    published_at: dt.datetime


def accepts(*, overlap: float, shared: int, credited: bool) -> bool:
    """The acceptance rule of the module docstring."""
    if shared < MIN_SHARED_SHINGLES:
        return False
    return overlap >= TEXT_THRESHOLD or (credited and overlap >= CREDITED_THRESHOLD)


def overlap_of(shared: int, article_size: int, release_size: int) -> float:
    smaller = min(article_size, release_size)
    return shared / smaller if smaller else 0.0


def judge(
    article: np.ndarray, candidates: Sequence[tuple[int, np.ndarray, bool]]
) -> list[tuple[int, float, int, bool]]:
    """Apply the rule to one article: ``article`` is its distinct shingles (sorted), ``candidates`` are
    (release id, the release's distinct shingles, whether the article credits the release's office).
    Returns the accepted (release id, overlap, shared, credited), best first; each passage counts for the
    best release that carries it (module docstring)."""
    scored = []
    for release_id, shingles, credited in candidates:
        common = np.intersect1d(article, shingles, assume_unique=True)
        scored.append(
            (overlap_of(len(common), len(article), len(shingles)), release_id, common, len(shingles), credited)
        )
    scored.sort(key=lambda row: (-row[0], row[1]))
    accepted: list[tuple[int, float, int, bool]] = []
    explained = np.zeros(0, dtype=article.dtype)
    for _first_overlap, release_id, common, release_size, credited in scored:
        own = np.setdiff1d(common, explained, assume_unique=True) if len(explained) else common
        overlap = overlap_of(len(own), len(article), release_size)
        if accepts(overlap=overlap, shared=len(own), credited=credited):
            accepted.append((release_id, overlap, len(own), credited))
            explained = np.union1d(explained, common)
    return accepted


class ReleaseIndex:
    """Published releases, indexed for candidate search (module docstring)."""

    def __init__(self) -> None:
        self._index = NearDuplicateIndex(
            threshold=_CANDIDATE_THRESHOLD,
            sample_size=SKETCH_SAMPLE_SIZE,
            confirm_size=SKETCH_CONFIRM_SIZE,
            max_candidates=_MAX_CANDIDATES,
            length_floor=0.0,
        )
        self._indexed: set[int] = set()
        # Exact shingle sets of the releases met lately (least recently used dropped first): what confirming
        # a candidate needs. A release not in it is read and shingled again when it is a candidate.
        self._shingles: OrderedDict[int, np.ndarray] = OrderedDict()
        self._releases: dict[int, _IndexedRelease] = {}
        self._signature: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def sync(self) -> None:
        """Index releases published since the last call; forget withdrawn ones. One aggregate query when
        nothing changed."""
        published = Release.objects.filter(status=ReleaseStatus.PUBLISHED)
        signature = published.aggregate(count=Count("id"), ids=Sum("id"), latest=Max("published_at"))
        with self._lock:
            if signature == self._signature:
                return
            releases = {
                pk: _IndexedRelease(office_id, published_at)
                for pk, office_id, published_at in published.values_list("id", "office_id", "published_at")
                if published_at is not None  # a published release always has one (a check constraint)
            }
            new = sorted(releases.keys() - self._indexed)
            for start in range(0, len(new), _LOAD_CHUNK):
                ids, sketches = _release_sketches(new[start : start + _LOAD_CHUNK])
                self._index.add_sketched([str(pk) for pk in ids], sketches)
                self._remember(ids, sketches)
            self._indexed.update(new)
            self._releases = releases
            self._signature = signature

    def _remember(self, ids: Sequence[int], sketches: Sketches) -> None:
        for i, pk in enumerate(ids):
            self._shingles[pk] = sketches.shingle_set(i).copy()
            self._shingles.move_to_end(pk)
        while len(self._shingles) > SHINGLE_CACHE:
            self._shingles.popitem(last=False)

    def _shingle_sets(self, wanted: set[int]) -> dict[int, np.ndarray]:
        """The exact shingle sets of the `wanted` releases (from the cache, else read and shingled)."""
        missing = sorted(wanted - self._shingles.keys())
        if missing:
            ids, sketches = _release_sketches(missing)
            self._remember(ids, sketches)
        found = {}
        for pk in wanted:
            if (shingles := self._shingles.get(pk)) is not None:
                self._shingles.move_to_end(pk)
                found[pk] = shingles
        return found

    def matches(self, articles: Sequence[ArticleForMatching], sketches: Sketches) -> list[list[PickupMatch]]:
        """The accepted pickups of each article (``sketches`` holds their matching texts' sketches, in the
        same order), best first (at most MAX_PICKUPS_PER_ARTICLE)."""
        if len(articles) != len(sketches):
            raise ValueError(f"{len(articles)} articles for {len(sketches)} sketches")
        if not self._releases:  # nothing published yet (or an archive older than every release)
            return [[] for _ in articles]
        with self._lock:
            found = self._index.query_sketched(sketches)
            releases = self._releases
            in_window: list[list[tuple[int, bool]]] = []
            for article, hits in zip(articles, found, strict=True):
                candidates = []
                for label, _estimate in hits:
                    release = releases.get(int(label))
                    if release is not None and (
                        article.seen_at - WINDOW <= release.published_at <= article.seen_at + EARLY_SLACK
                    ):
                        candidates.append((int(label), article.credited_office_id == release.office_id))
                in_window.append(candidates)
            shingles = self._shingle_sets({pk for candidates in in_window for pk, _credited in candidates})
        results: list[list[PickupMatch]] = []
        for position, candidates in enumerate(in_window):
            known = [(pk, shingles[pk], credited) for pk, credited in candidates if pk in shingles]
            accepted = judge(sketches.shingle_set(position), known) if known else []
            results.append(
                [PickupMatch(pk, overlap, shared, credited) for pk, overlap, shared, credited in accepted][
                    :MAX_PICKUPS_PER_ARTICLE
                ]
            )
        return results


def _release_sketches(ids: Sequence[int]) -> tuple[list[int], Sketches]:
    """The releases' ids (those that exist) and their matching texts' sketches, in one query."""
    rows = list(Release.objects.filter(id__in=ids).order_by("id").values_list("id", "title", "lead", "body_html"))
    texts = [normalize(release_plain_text(title=title, lead=lead, body_html=body)) for _pk, title, lead, body in rows]
    return [pk for pk, *_rest in rows], matching_sketches(texts)


def pickup_evidence(
    *,
    release_text: str,
    article_text: str,
    attribution: dict[str, Any] | None,
    article_shingles: np.ndarray | None = None,
) -> dict[str, Any]:
    """Why an article is a pickup, for a person to check: the release's sentences the article carries (with
    the share of each found), how many of the release's sentences that is, and the article's credit line.
    ``article_shingles`` is the article's ``Sketches.shingle_set`` when it was sketched already (then its
    text is not shingled again)."""
    spans = [(start, end) for start, end in sentences(release_text)]
    texts = [release_text[start:end].strip() for start, end in spans]
    if article_shingles is None:
        texts = [article_text, *texts]
    batch = shingle_batch(texts)  # one vectorised pass for every sentence (and the article)
    hashes = batch.hashes >> np.uint64(16)  # the 48 bits that sketches keep
    if article_shingles is None:
        carried = np.unique(hashes[batch.offsets[0] : batch.offsets[1]])
        first = 1
    else:
        carried = article_shingles
        first = 0
    passages: list[dict[str, Any]] = []
    counted = 0
    for i, sentence in enumerate(texts[first:], start=first):
        shingles = np.unique(hashes[batch.offsets[i] : batch.offsets[i + 1]])
        if len(shingles) < _MIN_PASSAGE_SHINGLES:
            continue
        counted += 1
        coverage = float(np.isin(shingles, carried, assume_unique=True).mean())
        if coverage >= PASSAGE_COVERAGE:
            passages.append({"text": sentence, "coverage": round(coverage, 3)})
    return {
        "passages": passages[:MAX_PASSAGES],
        "sentences_carried": len(passages),
        "sentences_in_release": counted,
        "attribution": attribution,
    }


_instance: ReleaseIndex | None = None
_instance_lock = threading.Lock()


def release_index() -> ReleaseIndex:
    """The process-wide release index (filled by its first `sync`)."""
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = ReleaseIndex()
        return _instance


def release_index_reset() -> None:
    """Drop the process's index (tests, after their transaction rolled back)."""
    global _instance
    with _instance_lock:
        _instance = None
