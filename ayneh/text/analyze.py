"""One call that reads a news text the way Ayneh needs it: ``analyse(text, published=, registry=)``.

It normalises once (``normalize_with_offsets``) and hands the comparison form to every finder: attribution
and office (``attribution``), people (``people``), quotes (``quotes``), Solar Hijri dates resolved against
the publication date (``dates``), provinces and cities (``places``) and organisations (``organizations``).

What comes back (``Analysis``): names — outlet, source, people, speakers, provinces, organisations — in the
comparison form, because they are compared and counted; spans — the attribution, quotes, dates, people's
first mentions — as offsets into the ORIGINAL text with the original wording, because people read them
there. ``Analysis.to_json()`` is the stable contract of ``ayneh analyze --json`` (issue 3)::

    {"outlet", "source_office", "attribution": {"text", "start", "end"}, "persons": [{"name", "role"}],
     "quotes": [{"speaker", "text"}], "dates": [{"text", "date"}], "provinces": [...], "organizations": [...]}

plus the extra keys ``source`` (the credit as written), ``source_office_code``, ``source_office_confidence``
and ``cities``, and in each date ``kind`` ("day", "week", "month", "year", "span") and ``until`` (the last day
of a longer period), since ``date`` alone is the first day of a month or year. Missing values are ``null``
or ``[]``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Any

from ayneh.text.attribution import Attribution, attribution_in_normalized
from ayneh.text.dates import DateMention, find_dates_in_normalized
from ayneh.text.gazetteer import scan
from ayneh.text.normalize import Normalized, normalize_with_offsets
from ayneh.text.organizations import find_organizations
from ayneh.text.people import Person, find_persons
from ayneh.text.places import find_cities, find_provinces
from ayneh.text.quotes import Quote, find_quotes
from ayneh.text.registry import Registry, load_registry


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything ``analyse`` read from one text (see the module docstring for names vs spans)."""

    attribution: Attribution | None
    persons: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    provinces: tuple[str, ...]
    cities: tuple[str, ...]
    organizations: tuple[str, ...]

    @property
    def outlet(self) -> str | None:
        return self.attribution.outlet if self.attribution else None

    def to_json(self) -> dict[str, Any]:
        """The ``ayneh analyze --json`` object (a stable contract; extra keys may be added, never removed)."""
        attribution = self.attribution
        office = attribution.office if attribution else None
        return {
            "outlet": self.outlet,
            "source_office": office.name if office else None,
            "attribution": (
                {"text": attribution.text, "start": attribution.start, "end": attribution.end} if attribution else None
            ),
            "persons": [{"name": p.name, "role": p.role} for p in self.persons],
            "quotes": [{"speaker": q.speaker, "text": q.text} for q in self.quotes],
            "dates": [_date_json(d) for d in self.dates],
            "provinces": list(self.provinces),
            "organizations": list(self.organizations),
            "source": attribution.source if attribution else None,
            "source_office_code": office.code if office else None,
            "source_office_confidence": attribution.confidence if office and attribution else None,
            "cities": list(self.cities),
        }


def _date_json(mention: DateMention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "date": mention.date.isoformat() if mention.date else None,
        "kind": mention.kind,
        "until": mention.until.isoformat() if mention.until else None,
    }


@cache
def default_registry() -> Registry:
    """The shipped ministry network (ayneh/data/offices.json), read once per process."""
    return load_registry()


def analyse(text: str, *, published: datetime.date | None = None, registry: Registry | None = None) -> Analysis:
    """Read ``text`` (see the module docstring). ``published`` anchors relative and year-less dates;
    ``registry`` is the office registry to credit (default: the shipped ministry network)."""
    normalized = normalize_with_offsets(text)
    body = normalized.text
    persons = find_persons(body)
    quotes = find_quotes(body, persons)
    words = scan(body)  # the word scan the finders share (cached by text; the person finder made it)
    return Analysis(
        attribution=attribution_in_normalized(normalized, text, registry or default_registry()),
        persons=tuple(_person_in_original(p, normalized) for p in persons),
        quotes=tuple(_quote_in_original(q, normalized, text) for q in quotes),
        dates=tuple(
            _date_in_original(d, normalized, text)
            for d in find_dates_in_normalized(body, reference=published, words=words)
        ),
        provinces=tuple(find_provinces(body)),
        cities=tuple(find_cities(body)),
        organizations=tuple(find_organizations(body)),
    )


# Spans found in the normalised text, moved to the original one (constructors, not dataclasses.replace:
# this runs for every mention of every article).


def _person_in_original(person: Person, normalized: Normalized) -> Person:
    start, end = normalized.to_original(person.start, person.end)
    return Person(person.name, person.role, start, end)


def _quote_in_original(quote: Quote, normalized: Normalized, original: str) -> Quote:
    start, end = normalized.to_original(quote.start, quote.end)
    return Quote(quote.speaker, original[start:end], start, end, quote.verb, quote.direct, quote.speaker_is_role)


def _date_in_original(mention: DateMention, normalized: Normalized, original: str) -> DateMention:
    start, end = normalized.to_original(mention.start, mention.end)
    return DateMention(original[start:end], start, end, mention.date, mention.error, mention.until, mention.kind)
