"""Monitoring objects and inputs for tests: outlets, the sample release, incoming records, JSON Lines archives,
real articles."""

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ayneh.monitoring import services
from ayneh.monitoring.models import Outlet, OutletTier
from ayneh.monitoring.prepare import IncomingArticle
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.newsroom.factories import release_make

_sequence = itertools.count(1)

# 1 Khordad 1400, the seed article's day, 12:00 in Tehran.
SEED_DAY_NOON = dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)


def sample_release_make(*, office: Office, actor: Any) -> Release:
    """The sample release (tests.monitoring.releases), of `office`, published."""
    return release_make(
        office=office,
        actor=actor,
        status=ReleaseStatus.PUBLISHED,
        title=sample.RELEASE_TITLE,
        lead=sample.RELEASE_LEAD,
        body=sample.RELEASE_BODY_HTML,
    )


def outlet_make(*, name: str | None = None, tier: str = OutletTier.NEWS_AGENCY, **fields: Any) -> Outlet:
    return services.outlet_create(name=name or f"خبرگزاری آزمایشی {next(_sequence)}", tier=tier, **fields)


def incoming_make(*, url: str | None = None, text: str | None = None, **fields: Any) -> IncomingArticle:
    """An article record with a unique address and text unless given."""
    n = next(_sequence)
    return IncomingArticle(
        url=url or f"https://news.example.ir/fa/news/{n}",
        text=text if text is not None else f"متن خبر شماره {n} درباره بازدید مدیرکل از کارگاه‌های استان است.",
        **fields,
    )


def fars_articles(shared_data: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Real Fars articles as archive records ({url, title, text, outlet}), in file order."""
    count = 0
    for path in sorted((shared_data / "fars-news").glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = "\n".join(part for part in (item.get("abstract") or "", *item.get("paragraphs", [])) if part)
            if not text.strip():
                continue
            yield {"url": item["link"], "title": item["title"], "text": text}
            count += 1
            if limit is not None and count >= limit:
                return


def jsonl_write(path: Path, records: Iterable[dict[str, Any] | str]) -> Path:
    """Write records as JSON Lines; a str is written as the raw line (for malformed-line tests)."""
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write((record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n")
    return path
