"""Pickup detection: which published releases an article carries, and the evidence for it.

The rule (one place, so the benchmark and the UI explain the same thing):

- *When.* A release is a candidate for an article seen at time t when it was published in
  [t − WINDOW, t + EARLY_SLACK]: outlets carry a release within days (WINDOW = 14 days), and an outlet's
  clock or time zone may put its article a little before the release (EARLY_SLACK = 1 hour).
- *How alike.* The score is `ayneh.text.neardup`'s overlap score between the release (title, lead, body) and
  the article (title, body): the share of the shorter text's word 3-shingles found in the longer one. It
  stays high when an outlet drops paragraphs, rewrites the headline or adds its credit line, and is near 0
  for a different story.
- *Accepted* when score ≥ TEXT_THRESHOLD (0.5: most of the text is the release's), or when the article
  credits the release's own office («به نقل از روابط عمومی ...», read by `ayneh.text.analyse`) and
  score ≥ CREDITED_THRESHOLD (0.2: a rewritten story that still shares whole passages). A credit with no
  shared text is a mention of the office, not a pickup of a release.

Candidates come from a `NearDuplicateIndex` of all published releases, held per process and brought up
to date before every chunk (new releases are added; withdrawn ones are ignored when found), so matching an
article costs one index query, not a comparison with every release.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, Max, Sum

from ayneh.core.sanitize import html_to_text
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.text.neardup import NearDuplicateIndex
from ayneh.text.normalize import normalize
from ayneh.text.shingles import shingle_batch
from ayneh.text.tokenize import sentences

WINDOW = dt.timedelta(days=14)
EARLY_SLACK = dt.timedelta(hours=1)
TEXT_THRESHOLD = 0.5
CREDITED_THRESHOLD = 0.2
MAX_PICKUPS_PER_ARTICLE = 5
# Evidence: a release sentence counts as carried when this share of its shingles is in the article.
PASSAGE_COVERAGE = 0.6
MAX_PASSAGES = 12
_MIN_PASSAGE_SHINGLES = 3
_LOAD_CHUNK = 500


def release_plain_text(*, title: str, lead: str, body_html: str) -> str:
    """A release as plain text, title first: what outlets receive and republish."""
    return "\n".join(part for part in (title.strip(), lead.strip(), html_to_text(body_html)) if part)


@dataclass(frozen=True, slots=True)
class ArticleForMatching:
    """What matching needs of an article: its matching text (normalised title and body), when it was seen,
    and the office it credits (if any)."""

    text: str
    seen_at: dt.datetime
    credited_office_id: int | None


@dataclass(frozen=True, slots=True)
class PickupMatch:
    release_id: int
    similarity: float
    credited: bool


@dataclass(frozen=True, slots=True)
class _IndexedRelease:
    office_id: int
    published_at: dt.datetime


def accepts(*, similarity: float, credited: bool) -> bool:
    """The acceptance rule of the module docstring."""
    return similarity >= TEXT_THRESHOLD or (credited and similarity >= CREDITED_THRESHOLD)


class ReleaseIndex:
    """Published releases, indexed for candidate search (module docstring)."""

    def __init__(self) -> None:
        self._index = NearDuplicateIndex(threshold=CREDITED_THRESHOLD)
        self._indexed: set[int] = set()
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
                rows = Release.objects.filter(id__in=new[start : start + _LOAD_CHUNK]).values_list(
                    "id", "title", "lead", "body_html"
                )
                self._index.add_many(
                    (str(pk), normalize(release_plain_text(title=title, lead=lead, body_html=body)))
                    for pk, title, lead, body in rows
                )
            self._indexed.update(new)
            self._releases = releases
            self._signature = signature

    def matches(self, articles: Sequence[ArticleForMatching]) -> list[list[PickupMatch]]:
        """The accepted pickups of each article, best first (at most MAX_PICKUPS_PER_ARTICLE)."""
        if not self._releases:  # nothing published yet (or an archive older than every release)
            return [[] for _ in articles]
        with self._lock:
            found = self._index.query_many([article.text for article in articles])
            releases = self._releases
        results: list[list[PickupMatch]] = []
        for article, hits in zip(articles, found, strict=True):
            accepted: list[PickupMatch] = []
            for label, score in hits:
                release = releases.get(int(label))
                if release is None or not (
                    article.seen_at - WINDOW <= release.published_at <= article.seen_at + EARLY_SLACK
                ):
                    continue
                credited = article.credited_office_id == release.office_id
                if accepts(similarity=score, credited=credited):
                    accepted.append(PickupMatch(int(label), score, credited))
            results.append(accepted[:MAX_PICKUPS_PER_ARTICLE])
        return results


def pickup_evidence(*, release_text: str, article_text: str, attribution: dict[str, Any] | None) -> dict[str, Any]:
    """Why an article is a pickup, for a person to check: the release's sentences the article carries (with
    the share of each found), how many of the release's sentences that is, and the article's credit line."""
    spans = [(start, end) for start, end in sentences(release_text)]
    texts = [release_text[start:end].strip() for start, end in spans]
    batch = shingle_batch([article_text, *texts])  # one vectorised pass for the article and every sentence
    carried = np.unique(batch.hashes[batch.offsets[0] : batch.offsets[1]])
    passages: list[dict[str, Any]] = []
    counted = 0
    for i, sentence in enumerate(texts, start=1):
        shingles = np.unique(batch.hashes[batch.offsets[i] : batch.offsets[i + 1]])
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
