"""Pickup detection quality: releases republished with realistic edits, among real unrelated articles.

    .venv/bin/python benchmarks/pickup_quality.py            # full: 240 releases, ~1,200 records
    .venv/bin/python benchmarks/pickup_quality.py --short    # CI: 60 releases, ~300 records (< 60 s)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh ...  # a scratch PostgreSQL database beside it

What is measured: real Fars articles (../shared/data/fars-news, distinct stories only) become *releases*
of the ministry network's offices, published in the database over a month; an archive of records is then run
through the real ingestion pipeline (`ayneh.monitoring.pipeline.batch_run`: analysis, versions, pickup
matching, storage) into a fresh database, and the stored pickups are compared with the truth.

The archive holds:

- *republications*: three in four releases are carried by one to three outlets, each copy put through
  one to three of the text edits below and given one credit style, published from half an hour before
  (an outlet's clock) to five days after the release;
- *releases never republished*: the other quarter; none of their pickups may exist;
- *hard negatives*: for every release, real articles of the same category (sharing a tag where the
  corpus has one) published in the same week, half of them crediting the release's own office
  («به نقل از روابط عمومی ...»): an office mentioned by a story it did not send is not a pickup;
- *negatives*: other real articles spread over the month.

Edits (per-edit recall is printed): the headline rewritten from a body phrase; the lead rewritten in the
outlet's words; one or more paragraphs dropped; the text cut after 40–70 % of its words (a feed excerpt);
Persian «ی ک» written as Arabic «ي ك»; the outlet's own background paragraph added. Credit styles: the
office's name («به گزارش X به نقل از روابط عمومی <name>،»), a noisy short form («روابط عموی <short name>»),
or none.

Named peers, on the same texts and time window in the same run: (1) *text only* — the near-duplicate
overlap score (with its length floor) ≥ 0.5 alone, no use of the credit line; (2) *first rule* — Ayneh's
rule before this benchmark: that score ≥ 0.5, or ≥ 0.2 with a credit to the release's office; (3)
*datasketch* `MinHashLSH` (128 permutations, word 3-shingles of the same folded words, threshold 0.5)
whose candidates are taken as pickups. Printed as precision/recall and the difference from Ayneh.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fars-news"
SEED = 14000301
START = dt.datetime(2026, 6, 1, 5, 0, tzinfo=dt.UTC)
SPAN_DAYS = 30
OUTLETS = ("ایسنا", "ایرنا", "خبرگزاری مهر", "تسنیم", "راه بهارستان", "باشگاه خبرنگاران جوان")
SHORT = {"releases": 60, "negatives": 120}
FULL = {"releases": 240, "negatives": 500}
REPUBLISHED_SHARE = 0.75
TEXT_EDITS = (
    "headline",
    "lead rewritten",
    "paragraphs dropped",
    "truncated",
    "short version",
    "reworded",
    "arabic letters",
    "background added",
)
CREDITS = ("credit added", "credit noisy", "no credit")


def _load_neardup_benchmark() -> Any:
    """benchmarks/neardup.py (its corpus loader and datasketch shingler), imported by path."""
    spec = importlib.util.spec_from_file_location("neardup_benchmark", Path(__file__).with_name("neardup.py"))
    if spec is None or spec.loader is None:
        raise SystemExit("benchmarks/neardup.py is missing")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Story:
    """A real article as parts: what a release or an outlet's copy is made of."""

    id: str
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    topic: tuple[str, str]
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        return "\n".join(p for p in (self.lead, *self.paragraphs) if p)


@dataclass
class Record:
    url: str
    outlet: str
    title: str
    text: str
    published: dt.datetime
    truth: int | None  # the release number it carries, or None
    kind: str  # "republication", "hard negative", "hard negative (credited)", "own report", "negative"
    edits: tuple[str, ...] = ()


# --- the corpus ----------------------------------------------------------------------------------------------

_FARS_CREDIT = re.compile(r"^به گزارش (?:خبرگزار[یي] )?فارس[^،,\n]{0,160}?[،,]\s*")
_FARS_LEAD = re.compile(r"^خبرگزار[یي] فارس\s*[:：]\s*")


def as_release(story: Story) -> Story:
    """A Fars article as its office would have sent it: without Fars's byline and credit line."""
    paragraphs = list(story.paragraphs)
    if paragraphs:
        paragraphs[0] = _FARS_CREDIT.sub("", paragraphs[0])
    return replace(story, lead=_FARS_LEAD.sub("", story.lead), paragraphs=tuple(p for p in paragraphs if p.strip()))


def stories(neardup: Any) -> list[Story]:
    articles = neardup.distinct_articles(neardup.load_articles(DATA))
    return [Story(a.id, a.title, a.abstract, a.paragraphs, a.topic, a.tags) for a in articles if len(a.paragraphs) >= 2]


# --- edits ---------------------------------------------------------------------------------------------------


def edit_headline(story: Story, rng: random.Random) -> Story:
    body = " ".join(story.paragraphs).split()
    if len(body) < 14:
        return replace(story, title="خبر: " + " ".join(reversed(story.title.split())))
    start = rng.randrange(0, len(body) - 10)
    return replace(story, title=" ".join(body[start : start + rng.randint(6, 10)]))


_OWN_LEADS = (
    "به گفته مسئولان، {words} در روزهای گذشته اعلام شد.",
    "{words}؛ این خبر را مسئولان استان تأیید کردند.",
    "در پی پیگیری‌های خبرنگار ما درباره {words}، جزئیات تازه‌ای منتشر شد.",
)


def edit_lead(story: Story, rng: random.Random) -> Story:
    """The lead in the outlet's words: a few of its words, shuffled, in one of the outlet's own frames."""
    lead_words = (story.lead or story.title).split()
    kept = rng.sample(lead_words, min(len(lead_words), max(3, len(lead_words) // 3)))
    return replace(story, lead=rng.choice(_OWN_LEADS).format(words=" ".join(kept)))


def edit_drop_paragraphs(story: Story, rng: random.Random) -> Story:
    if len(story.paragraphs) < 3:
        return story
    keep = list(range(len(story.paragraphs)))
    for _ in range(rng.randint(1, max(1, len(keep) // 3))):
        if len(keep) > 2:
            keep.pop(rng.randrange(1, len(keep)))
    return replace(story, paragraphs=tuple(story.paragraphs[i] for i in keep))


def edit_truncate(story: Story, rng: random.Random) -> Story:
    """The text cut at a word boundary after 40–70 % of its words, as feed excerpts are."""
    parts = [story.lead, *story.paragraphs]
    total = sum(len(p.split()) for p in parts)
    budget = int(total * rng.uniform(0.4, 0.7))
    kept: list[str] = []
    for part in parts:
        part_words = part.split()
        if budget <= 0:
            break
        kept.append(" ".join(part_words[:budget]) + ("..." if len(part_words) > budget else ""))
        budget -= len(part_words)
    return replace(story, lead=kept[0], paragraphs=tuple(kept[1:]))


def edit_short(story: Story, rng: random.Random) -> Story:
    """Only the lead and the first paragraph, as a news ticker or a provincial site carries a release."""
    return replace(story, paragraphs=story.paragraphs[:1])


_SAID = re.compile(r"(?<![\w\u200c])گفت(?=[\s:،.])")
_STATED = re.compile(r"(?<![\w\u200c])اظهار ?(?:[کك]رد|داشت)(?![\w\u200c])")


def edit_reword(story: Story, rng: random.Random) -> Story:
    """An editor's light hand: speech verbs swapped (گفت ↔ اظهار کرد), and about one word in ten dropped or
    moved one place, all through the text."""

    def reword(text: str) -> str:
        text = _SAID.sub("اظهار کرد", _STATED.sub("\0", text)).replace("\0", "گفت")
        out = text.split(" ")
        i = 1
        while i < len(out) - 1:
            roll = rng.random()
            if roll < 0.05:
                del out[i]
            elif roll < 0.10:
                out[i], out[i + 1] = out[i + 1], out[i]
                i += 1
            i += 1
        return " ".join(out)

    return replace(story, lead=reword(story.lead), paragraphs=tuple(map(reword, story.paragraphs)))


_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def edit_arabic(story: Story, rng: random.Random) -> Story:
    return replace(
        story,
        title=story.title.translate(_ARABIC),
        lead=story.lead.translate(_ARABIC),
        paragraphs=tuple(p.translate(_ARABIC) for p in story.paragraphs),
    )


def edit_background(story: Story, rng: random.Random, background: Sequence[str]) -> Story:
    """The outlet's own paragraph of background at the end (from an unrelated article)."""
    return replace(story, paragraphs=(*story.paragraphs, rng.choice(background)))


# --- the archive ----------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    releases: list[tuple[Story, str, dt.datetime]]  # story, office code, published
    records: list[Record]


def build_scenario(
    corpus: Sequence[Story], offices: Sequence[Any], *, releases: int, negatives: int, seed: int
) -> Scenario:
    """Releases and the archive of records (module docstring). Deterministic for a seed."""
    rng = random.Random(seed)
    pool = list(corpus)
    rng.shuffle(pool)
    # Releases come from the regional and social desks, like a directorate's news; the rest is the world.
    newsy = [s for s in pool if s.topic[0] in {"province", "social", "economy", "politics"}]
    chosen = newsy[:releases]
    chosen_ids = {s.id for s in chosen}
    rest = [s for s in pool if s.id not in chosen_ids]
    background = [p for s in rest[-200:] for p in s.paragraphs[1:2] if len(p.split()) > 15]
    by_topic: dict[tuple[str, str], list[Story]] = defaultdict(list)
    for story in rest:
        by_topic[story.topic].append(story)
    used: set[str] = set()
    names = {o.code: o for o in offices}
    out_releases: list[tuple[Story, str, dt.datetime]] = []
    records: list[Record] = []
    serial = 0

    def url(outlet: str) -> str:
        nonlocal serial
        serial += 1
        return f"https://news-{OUTLETS.index(outlet)}.example.ir/news/{serial}"

    for number, raw in enumerate(chosen):
        release = as_release(raw)
        office = offices[number % len(offices)]
        published = START + dt.timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
        if number % 4 == 1:
            # A follow-up: the same office, days after its previous release, repeating one of its
            # paragraphs as background. A copy of one is not a pickup of the other.
            previous, previous_code, previous_published = out_releases[-1]
            office = names[previous_code]
            published = previous_published + dt.timedelta(minutes=rng.randint(24 * 60, 4 * 24 * 60))
            release = replace(release, paragraphs=(*release.paragraphs, previous.paragraphs[-1]))
        out_releases.append((release, office.code, published))
        if rng.random() < REPUBLISHED_SHARE:
            for outlet in rng.sample(OUTLETS, rng.randint(1, 3)):
                edits = rng.sample(TEXT_EDITS, rng.randint(1, 3))
                if "short version" in edits and "truncated" in edits:
                    edits.remove("truncated")
                edits.sort(key=lambda name: name == "truncated")  # feeds cut what the outlet published
                copy = release
                for edit in edits:
                    if edit == "headline":
                        copy = edit_headline(copy, rng)
                    elif edit == "lead rewritten":
                        copy = edit_lead(copy, rng)
                    elif edit == "paragraphs dropped":
                        copy = edit_drop_paragraphs(copy, rng)
                    elif edit == "truncated":
                        copy = edit_truncate(copy, rng)
                    elif edit == "short version":
                        copy = edit_short(copy, rng)
                    elif edit == "reworded":
                        copy = edit_reword(copy, rng)
                    elif edit == "arabic letters":
                        copy = edit_arabic(copy, rng)
                    else:
                        copy = edit_background(copy, rng, background)
                credit = rng.choice(CREDITS)
                text = _credited(copy.text, outlet, names[office.code], credit)
                when = published + dt.timedelta(minutes=rng.randint(-30, 5 * 24 * 60))
                records.append(
                    Record(url(outlet), outlet, copy.title, text, when, number, "republication", (*edits, credit))
                )
        # Hard negatives: same desk (and a shared tag where possible), the same week, not this story.
        same = [s for s in by_topic.get(raw.topic, []) if s.id not in used]
        same.sort(key=lambda s: (not (s.tags & raw.tags), rng.random()))
        for k, story in enumerate(same[:2]):
            used.add(story.id)
            outlet = rng.choice(OUTLETS)
            credited = k == 0 and rng.random() < 0.5
            text = _credited(story.text, outlet, office, "credit added") if credited else story.text
            when = published + dt.timedelta(minutes=rng.randint(-2 * 24 * 60, 5 * 24 * 60))
            kind = "hard negative (credited)" if credited else "hard negative"
            records.append(Record(url(outlet), outlet, story.title, text, when, None, kind))
        # An outlet's own report of the same event: its reporter's text, quoting one sentence of the release.
        if len(same) > 2:
            story = same[2]
            used.add(story.id)
            quote = _quoted_sentence(release, rng)
            paragraphs = (*story.paragraphs[:1], quote, *story.paragraphs[1:])
            outlet = rng.choice(OUTLETS)
            when = published + dt.timedelta(minutes=rng.randint(0, 2 * 24 * 60))
            records.append(
                Record(url(outlet), outlet, story.title, "\n".join([story.lead, *paragraphs]), when, None, "own report")
            )
    others = [s for s in rest if s.id not in used][:negatives]
    for story in others:
        outlet = rng.choice(OUTLETS)
        when = START + dt.timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
        records.append(Record(url(outlet), outlet, story.title, story.text, when, None, "negative"))
    records.sort(key=lambda r: r.published)
    return Scenario(out_releases, records)


def _quoted_sentence(release: Story, rng: random.Random) -> str:
    """One sentence of the release, preferring one that reports speech (what a reporter would quote)."""
    sentences = [s.strip() for p in release.paragraphs for s in re.split(r"(?<=[.!؟])\s+", p) if len(s.split()) > 6]
    spoken = [s for s in sentences if re.search(r"گفت|افزود|اظهار|تصریح", s)]
    return rng.choice(spoken or sentences or [release.lead])


def _credited(text: str, outlet: str, office: Any, style: str) -> str:
    if style == "credit added":
        return f"به گزارش {outlet} به نقل از روابط عمومی {office.name}، {text}"
    if style == "credit noisy":
        return f"به گزارش {outlet} به نقل از روابط عموی {office.short_name or office.name}،\n{text}"
    return text


# --- the run ----------------------------------------------------------------------------------------------


def setup_database(workdir: Path) -> str:
    """A fresh database for this run: a SQLite file in `workdir`, or a scratch PostgreSQL database when
    DATABASE_URL names a server. Returns its URL (set in the environment before Django starts)."""
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        import psycopg

        admin = re.sub(r"/[^/]*$", "/postgres", server).replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ayneh_bench_pickups")
            conn.execute("CREATE DATABASE ayneh_bench_pickups")
        url = re.sub(r"/[^/]*$", "/ayneh_bench_pickups", server)
    else:
        url = f"sqlite:///{workdir / 'pickups.sqlite3'}"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="ayneh.settings",
        AYNEH_DATA_DIR=str(workdir),
        AYNEH_LOG_LEVEL="ERROR",
    )
    return url


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        from django.db import connections

        connections.close_all()
        import psycopg

        admin = re.sub(r"/[^/]*$", "/postgres", url).replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ayneh_bench_pickups")


def run_pipeline(scenario: Scenario, workdir: Path) -> tuple[dict[str, int], set[tuple[str, int]], float]:
    """Publish the releases, ingest the archive; (release number → release id, found (url, release number),
    CPU seconds of the ingestion)."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from ayneh.accounts.models import User
    from ayneh.monitoring import pipeline, services
    from ayneh.monitoring.models import OutletTier, Pickup, SourceKind
    from ayneh.newsroom.models import Release, ReleaseStatus
    from ayneh.offices.models import Office
    from ayneh.offices.services import offices_load

    call_command("migrate", verbosity=0)
    offices_load()
    for name in OUTLETS:
        services.outlet_create(name=name, tier=OutletTier.NEWS_AGENCY)
    author = User.objects.create_user(username="benchmark", password=None)
    offices = {office.code: office for office in Office.objects.all()}
    release_ids: dict[int, int] = {}
    for number, (story, code, published) in enumerate(scenario.releases):
        release = Release.objects.create(
            office=offices[code],
            title=story.title[:255],
            lead=story.lead,
            body_html="".join(f"<p>{p}</p>" for p in story.paragraphs),
            status=ReleaseStatus.PUBLISHED,
            published_at=published,
            created_by=author,
            updated_by=author,
        )
        release_ids[number] = release.pk
    archive = workdir / "archive.jsonl"
    with archive.open("w", encoding="utf-8") as stream:
        for r in scenario.records:
            line = {"url": r.url, "title": r.title, "text": r.text, "published": r.published.isoformat()}
            stream.write(json.dumps(line | {"outlet": r.outlet}, ensure_ascii=False) + "\n")
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive))
    cpu = time.process_time()
    batch = pipeline.batch_run(batch=batch)
    cpu = time.process_time() - cpu
    if batch.failed_count:
        raise SystemExit(f"{batch.failed_count} records failed: {batch.error or 'see ArticleFailure'}")
    number_of = {pk: number for number, pk in release_ids.items()}
    found = {(url, number_of[release]) for url, release in Pickup.objects.values_list("article__url", "release_id")}
    return release_ids, found, cpu


# --- peers --------------------------------------------------------------------------------------------------


def _in_window(record: Record, published: dt.datetime) -> bool:
    from ayneh.monitoring.pickups import EARLY_SLACK, WINDOW

    return record.published - WINDOW <= published <= record.published + EARLY_SLACK


def _texts(scenario: Scenario) -> tuple[list[str], list[str]]:
    """The texts matching compares: release and article as the pipeline builds them."""
    from ayneh.monitoring.pickups import release_plain_text
    from ayneh.monitoring.versions import matching_text
    from ayneh.text.normalize import normalize

    release_texts = [
        normalize(
            release_plain_text(title=s.title, lead=s.lead, body_html="".join(f"<p>{p}</p>" for p in s.paragraphs))
        )
        for s, _code, _published in scenario.releases
    ]
    article_texts = [matching_text(title=r.title, text_normalized=normalize(r.text)) for r in scenario.records]
    return release_texts, article_texts


def peer_text_only(scenario: Scenario) -> set[tuple[str, int]]:
    """Overlap score ≥ the text threshold within the window; the credit line is not read."""
    from ayneh.monitoring.pickups import TEXT_THRESHOLD
    from ayneh.text.neardup import NearDuplicateIndex

    release_texts, article_texts = _texts(scenario)
    index = NearDuplicateIndex(threshold=TEXT_THRESHOLD)
    index.add_many((str(n), text) for n, text in enumerate(release_texts))
    found = set()
    for record, hits in zip(scenario.records, index.query_many(article_texts), strict=True):
        for label, _score in hits:
            if _in_window(record, scenario.releases[int(label)][2]):
                found.add((record.url, int(label)))
    return found


def peer_first_rule(scenario: Scenario) -> set[tuple[str, int]]:
    """Ayneh's first rule (before this benchmark existed): the index's overlap score with its length floor,
    ≥ 0.5, or ≥ 0.2 when the article credits the release's office (as the pipeline read the credit)."""
    from ayneh.monitoring.models import Article
    from ayneh.text.neardup import NearDuplicateIndex

    release_texts, article_texts = _texts(scenario)
    credits = dict(Article.objects.values_list("url", "source_office__code"))
    index = NearDuplicateIndex(threshold=0.2)
    index.add_many((str(n), text) for n, text in enumerate(release_texts))
    found = set()
    for record, hits in zip(scenario.records, index.query_many(article_texts), strict=True):
        for label, score in hits[:5]:
            _story, office, published = scenario.releases[int(label)]
            if _in_window(record, published) and (score >= 0.5 or credits.get(record.url) == office):
                found.add((record.url, int(label)))
    return found


def peer_datasketch(scenario: Scenario, neardup: Any, threshold: float = 0.5) -> set[tuple[str, int]]:
    from datasketch import MinHashLSH

    release_texts, article_texts = _texts(scenario)
    shingler = neardup.DatasketchShingler()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    for n, text in enumerate(release_texts):
        lsh.insert(str(n), shingler.minhash(text), check_duplication=False)
    found = set()
    for record, text in zip(scenario.records, article_texts, strict=True):
        for label in lsh.query(shingler.minhash(text)):
            if _in_window(record, scenario.releases[int(label)][2]):
                found.add((record.url, int(label)))
    return found


# --- scoring ------------------------------------------------------------------------------------------------


@dataclass
class Score:
    name: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def score(name: str, scenario: Scenario, found: set[tuple[str, int]]) -> Score:
    truth = {(r.url, r.truth) for r in scenario.records if r.truth is not None}
    return Score(name, len(found & truth), len(found - truth), len(truth - found))


def report(scenario: Scenario, found: set[tuple[str, int]], peers: Sequence[tuple[str, set[tuple[str, int]]]]) -> Score:
    ours = score("ayneh", scenario, found)
    carried = {number for _url, number in found}
    republished = {r.truth for r in scenario.records if r.truth is not None}
    never = [n for n in range(len(scenario.releases)) if n not in republished]
    print(f"{'method':<24}{'precision':>10}{'recall':>8}{'found':>7}{'false':>7}{'missed':>8}")
    results = [ours] + [score(name, scenario, peer) for name, peer in peers]
    for s in results:
        print(
            f"{s.name:<24}{s.precision:>10.3f}{s.recall:>8.3f}{s.true_positives:>7}{s.false_positives:>7}"
            f"{s.false_negatives:>8}"
        )
    for s in results[1:]:
        print(f"ayneh − {s.name}: precision {ours.precision - s.precision:+.3f}, recall {ours.recall - s.recall:+.3f}")
    print("recall per edit (ayneh):")
    per_edit: dict[str, list[bool]] = defaultdict(list)
    for r in scenario.records:
        if r.truth is not None:
            for edit in r.edits:
                per_edit[edit].append((r.url, r.truth) in found)
    for edit in (*TEXT_EDITS, *CREDITS):
        hits = per_edit.get(edit, [])
        if hits:
            print(f"  {edit:<22}{sum(hits) / len(hits):6.3f}  ({sum(hits)}/{len(hits)})")
    wrong = Counter(
        next(r.kind for r in scenario.records if r.url == url)
        for url, number in found
        if (url, number) not in {(r.url, r.truth) for r in scenario.records}
    )
    print(f"false pickups by record kind: {dict(wrong) or 'none'}")
    print(f"releases never republished that got a pickup: {len(set(never) & carried)} of {len(never)}")
    return ours


def explain(scenario: Scenario, found: set[tuple[str, int]], release_ids: dict[int, int]) -> None:
    """Every false and missed pickup with its exact overlap score, credit and carried sentences."""
    from ayneh.monitoring.models import Article
    from ayneh.monitoring.pickups import pickup_evidence
    from ayneh.text.neardup import similarity

    release_texts, article_texts = _texts(scenario)
    by_url = {r.url: (r, text) for r, text in zip(scenario.records, article_texts, strict=True)}
    truth = {(r.url, r.truth) for r in scenario.records if r.truth is not None}
    offices = {n: code for n, (_s, code, _p) in enumerate(scenario.releases)}
    for label, pairs in (("false", sorted(found - truth)), ("missed", sorted(truth - found))):
        for url, number in pairs:
            record, text = by_url[url]
            article = Article.objects.select_related("source_office").get(url=url)
            credited = article.source_office.code if article.source_office else None
            evidence = pickup_evidence(release_text=release_texts[number], article_text=text, attribution=None)
            print(
                f"{label}: {record.kind} {record.edits} → release {number} (truth {record.truth}); overlap "
                f"{similarity(text, release_texts[number]):.3f}; credits {credited} (release's office "
                f"{offices[number]}); carried {evidence['sentences_carried']}/{evidence['sentences_in_release']}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="CI size (< 60 s)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--explain", action="store_true", help="print every false and missed pickup")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present")
        return 0
    sys.path.insert(0, str(REPO))
    neardup = _load_neardup_benchmark()
    from ayneh.text.registry import load_registry

    offices = [entry for entry in load_registry() if entry.tier == "provincial_dg"]
    sizes = SHORT if args.short else FULL
    scenario = build_scenario(stories(neardup), offices, seed=args.seed, **sizes)
    kinds = Counter(r.kind for r in scenario.records)
    print(
        f"{len(scenario.releases)} releases; {len(scenario.records)} records: "
        + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    )
    workdir = Path(tempfile.mkdtemp(prefix="ayneh-bench-pickups-"))
    url = setup_database(workdir)
    try:
        release_ids, found, cpu = run_pipeline(scenario, workdir)
        print(f"pipeline ({url.split(':')[0]}): {len(scenario.records)} records in {cpu:.1f} CPU s")
        peers = [
            ("text only (no credit)", peer_text_only(scenario)),
            ("first rule (floored)", peer_first_rule(scenario)),
            ("datasketch LSH 0.5", peer_datasketch(scenario, neardup)),
        ]
        report(scenario, found, peers)
        if args.explain:
            explain(scenario, found, release_ids)
    finally:
        drop_database(url)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
