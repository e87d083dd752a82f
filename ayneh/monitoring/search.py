"""Monitored articles in the search index (kind "article"), and the article search selector.

An article is indexed under its title and text, and under facet tokens (ayneh.search.terms.facet) for
what the search page filters on:

- "o": every office the article credits (its source office) or mentions (an organisation the analysis
  found that is an office of the registry), each with the offices above it, so a filter on a parent office
  («ministry») finds articles about every office below it — the same reach as a role on that office;
- "p": the provinces the article names, and the outlet's province;
- "t": the outlet's tier; "u": the outlet (by id).

Articles are indexed as they are stored: their facets are worked out when their chunk is prepared (in
parallel on several workers: `ArticleFacets`), and `ayneh.monitoring.services.chunk_store` writes the
chunk's new articles into the index in its transaction (`articles_index_prepared`, once per chunk). The
index is rebuilt by `ayneh reindex --articles` (`articles_reindex`).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ayneh.core.jalali import local_zone
from ayneh.monitoring.models import Article, Outlet
from ayneh.monitoring.registry import office_registry
from ayneh.search.selectors import search_documents
from ayneh.search.services import DocumentText, search_documents_remove, search_documents_upsert
from ayneh.search.terms import facet, tokens
from ayneh.text.normalize import fold_for_index
from ayneh.text.registry import Registry

SEARCH_KIND = "article"
REINDEX_CHUNK = 500


def article_facet_tokens(
    *, office_paths: Iterable[str], provinces: Iterable[str], outlet_id: int | None, tier: str
) -> list[str]:
    """The facet tokens of one article. `office_paths` are materialised office paths («/ministry/dg-fars/»):
    every code on each path becomes an office facet."""
    facets: list[str] = []
    for path in office_paths:
        facets.extend(facet("o", code) for code in path.strip("/").split("/") if code)
    for province in provinces:
        if tokens(province):
            facets.append(facet("p", province))
    if tier:
        facets.append(facet("t", tier))
    if outlet_id is not None:
        facets.append(facet("u", str(outlet_id)))
    return list(dict.fromkeys(facets))


@dataclass(frozen=True)
class _OfficeDirectory:
    """Each office's chain of codes (itself and the offices above it) by database id and by folded name
    (official, short and alias names), from the monitoring registry (ayneh.monitoring.registry, cached
    until the office table changes)."""

    chains_by_id: dict[int, tuple[str, ...]]
    chains_by_name: dict[str, tuple[str, ...]]

    @classmethod
    def read(cls) -> _OfficeDirectory:
        registry, office_ids = office_registry()
        with _directory_lock:
            cached = _directory_cache.get("current")
            if cached is not None and cached[0] is registry:
                return cached[1]
        chains = {entry.code: (*(a.code for a in registry.ancestors(entry.code)), entry.code) for entry in registry}
        by_name: dict[str, tuple[str, ...]] = {}
        for entry in registry:
            for written in entry.names:
                by_name.setdefault(fold_for_index(written), chains[entry.code])
        directory = cls(
            chains_by_id={office_ids[code]: chain for code, chain in chains.items() if code in office_ids},
            chains_by_name=by_name,
        )
        with _directory_lock:
            _directory_cache["current"] = (registry, directory)
        return directory

    def chains_of(self, *, source_office_id: int | None, analysis: dict[str, Any]) -> list[tuple[str, ...]]:
        chains = []
        if source_office_id is not None and source_office_id in self.chains_by_id:
            chains.append(self.chains_by_id[source_office_id])
        for name in (analysis or {}).get("organizations") or []:
            chain = self.chains_by_name.get(fold_for_index(str(name)))
            if chain:
                chains.append(chain)
        return chains


_directory_lock = threading.Lock()
_directory_cache: dict[str, tuple[Registry, _OfficeDirectory]] = {}


@dataclass(frozen=True)
class ArticleFacets:
    """What an article's facet tokens are made of besides the article: the office directory and its
    chunk's outlets (read once per chunk)."""

    offices: _OfficeDirectory
    outlets: dict[int, Outlet]

    @classmethod
    def read(cls, outlet_ids: Iterable[int]) -> ArticleFacets:
        return cls(_OfficeDirectory.read(), Outlet.objects.in_bulk(set(outlet_ids)))

    def of(self, *, outlet_id: int, source_office_id: int | None, analysis: dict[str, Any]) -> list[str]:
        """The facet tokens of an article of outlet `outlet_id`, crediting `source_office_id`, analysed as
        `analysis` (`Analysis.to_json()`, as stored in `Article.analysis`)."""
        outlet = self.outlets[outlet_id]
        provinces = [str(p) for p in (analysis or {}).get("provinces") or []]
        if outlet.province:
            provinces.append(outlet.province)
        chains = self.offices.chains_of(source_office_id=source_office_id, analysis=analysis)
        return article_facet_tokens(
            office_paths=["/".join(chain) for chain in chains],
            provinces=provinces,
            outlet_id=outlet.pk,
            tier=outlet.tier,
        )


def articles_index(articles: Sequence[Article]) -> None:
    """Index stored articles (a chunk at a time: a fixed number of queries per call, not per article).
    Runs inside the caller's transaction, so the index commits or rolls back with the articles."""
    if not articles:
        return
    facets = ArticleFacets.read(article.outlet_id for article in articles)
    articles_index_prepared(
        [
            (
                article,
                facets.of(
                    outlet_id=article.outlet_id, source_office_id=article.source_office_id, analysis=article.analysis
                ),
                None,
            )
            for article in articles
        ]
    )


def articles_index_prepared(articles: Sequence[tuple[Article, Sequence[str], Sequence[str] | None]]) -> None:
    """Index stored articles given with their facet tokens (`ArticleFacets.of`) and, when worked out
    beforehand, their search tokens (`ayneh.search.terms.index_tokens` of title and text; None: worked out
    here), in the caller's transaction."""
    if articles:
        search_documents_upsert(
            kind=SEARCH_KIND,
            documents=[
                DocumentText(
                    key=str(article.pk),
                    title=article.title,
                    body=article.text,
                    published_at=article.seen_at,
                    facets=facets,
                    tokens=tokens,
                )
                for article, facets, tokens in articles
            ],
        )


def articles_reindex(*, chunk: int = REINDEX_CHUNK) -> int:
    """Rebuild the article index from the stored articles (after a switch of database or backend, a
    restore, or a change of office paths). Returns how many articles were indexed."""
    search_documents_remove(kind=SEARCH_KIND)
    count = 0
    last_pk = 0
    while True:
        batch = list(
            Article.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .only("pk", "title", "text", "published_at", "fetched_at", "analysis", "outlet_id", "source_office_id")[
                :chunk
            ]
        )
        if not batch:
            return count
        with transaction.atomic():
            articles_index(batch)
        count += len(batch)
        last_pk = batch[-1].pk


def _day_start(day: dt.date | dt.datetime) -> dt.datetime:
    """The moment a day begins in Iran's time (a datetime is taken as it is)."""
    if isinstance(day, dt.datetime):
        return day
    return dt.datetime.combine(day, dt.time(), tzinfo=local_zone()).astimezone(dt.UTC)


@dataclass(frozen=True)
class ArticleSearchPage:
    """One page of article hits, newest first; `total` is exact when `total_exact`, else a lower bound."""

    articles: list[Article]
    total: int
    total_exact: bool


def article_search(
    *,
    query: str,
    office: str | Sequence[str] | None = None,
    province: str | None = None,
    tier: str | None = None,
    outlet: int | None = None,
    date_from: dt.date | dt.datetime | None = None,
    date_to: dt.date | dt.datetime | None = None,
    limit: int = 20,
    offset: int = 0,
) -> ArticleSearchPage:
    """Monitored articles matching `query`, newest first.

    `office` is an office code (or several, any of which will do) and matches articles crediting or
    mentioning it or an office below it; `province` a province name (any spelling that folds alike);
    `tier` an OutletTier value; `outlet` an outlet id. `date_from` and `date_to` are inclusive days in
    Iran's time (dates) or moments (datetimes).
    """
    groups: list[list[str]] = []
    if office is not None:
        codes = [office] if isinstance(office, str) else list(office)
        groups.append([facet("o", code) for code in codes if tokens(code)])
    if province:
        groups.append([facet("p", province)] if tokens(province) else [])
    if tier:
        groups.append([facet("t", tier)] if tokens(tier) else [])
    if outlet is not None:
        groups.append([facet("u", str(outlet))])
    since = _day_start(date_from) if date_from is not None else None
    until = (
        _day_start(date_to + dt.timedelta(days=1))
        if date_to is not None and not isinstance(date_to, dt.datetime)
        else date_to
    )
    page = search_documents(
        query=query, kind=SEARCH_KIND, facets=groups, since=since, until=until, limit=limit, offset=offset
    )
    by_pk = Article.objects.select_related("outlet", "source_office").in_bulk([int(key) for key in page.keys])
    articles = [by_pk[int(key)] for key in page.keys if int(key) in by_pk]
    return ArticleSearchPage(articles=articles, total=page.total, total_exact=page.total_exact)
