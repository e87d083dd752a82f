"""Score ``ayneh.text.analyse`` against the hand-labelled set (labels.jsonl): precision, recall, F1 per field.

Run: ``.venv/bin/python -m tests.text.eval.score`` (add ``--details`` to list every miss and false alarm,
``--json`` for machine-readable numbers). README.md in this folder says how the labels were made and what
each field means; the comparison rules are:

- Everything is compared in a key form: ``normalize`` + hamza forms and «ئ» folded, punctuation dropped,
  ZWNJ and spaces removed — so «علی‌رضا» = «علیرضا», «رییس» = «رئیس», «تعان،کار» = «تعان, کار».
- ``outlet``, ``source``, ``source_office``: one value per article. A prediction counts only when it is not
  null (precision = right / predicted, recall = right / labelled). An outlet's leading «خبرگزاری» is ignored
  («خبرگزاری فارس» = «فارس»: both are how Fars credits itself).
- ``persons``, ``dates``, ``provinces``: sets per article, micro-averaged over the articles. Only dates
  resolved to one day count (``kind == "day"``).
- ``quotes``: each quote is keyed by its first three words (multiset per article) — did we find it.
  ``speakers``: keyed by (speaker, first three words) — did we find it and give it to the right person.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ayneh.text.analyze import Analysis, analyse
from ayneh.text.normalize import normalize
from tests.text.eval.corpus import Article, articles_by_id

LABELS = Path(__file__).resolve().parent / "labels.jsonl"
FIELDS = ("outlet", "source", "source_office", "persons", "quotes", "speakers", "dates", "provinces")
QUOTE_KEY_WORDS = 3
SPLITS = ("dev", "heldout")

_KEY_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ی", "ء": "", "\u0654": ""})
_NOT_LETTERS = re.compile(r"[^\w]+|_")
_OUTLET_KIND = "خبرگزاری"


def key(text: str) -> str:
    """The comparison form of a name (see the module docstring)."""
    return _NOT_LETTERS.sub("", normalize(text).translate(_KEY_TABLE).replace("\u200c", ""))


def outlet_key(text: str) -> str:
    return key(text).removeprefix(_OUTLET_KIND)


def quote_key(text: str) -> str:
    """A quote's first words, in key form («برقراری«ارتباط رضایت ...» → "برقراری ارتباط رضایت")."""
    words = _NOT_LETTERS.sub(" ", normalize(text).translate(_KEY_TABLE).replace("\u200c", " ")).split()
    return " ".join(words[:QUOTE_KEY_WORDS])


@dataclass
class Tally:
    """True positives, predictions and labels of one field, and the differences for ``--details``."""

    right: int = 0
    predicted: int = 0
    labelled: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, article_id: str, predicted: Iterable[str], labelled: Iterable[str]) -> None:
        got, want = Counter(predicted), Counter(labelled)
        self.right += sum((got & want).values())
        self.predicted += sum(got.values())
        self.labelled += sum(want.values())
        for value in sorted((got - want).elements()):
            self.misses.append(f"{article_id}: false alarm {value}")
        for value in sorted((want - got).elements()):
            self.misses.append(f"{article_id}: missed {value}")

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_of(label: dict[str, Any]) -> str:
    """ "dev" (looked at while the rules were written) or "heldout" (labelled after they were frozen)."""
    return label.get("split", "dev")


def predicted_values(analysis: Analysis) -> dict[str, list[str]]:
    """What the analyser says, per field, in key form."""
    attribution = analysis.attribution
    office = attribution.office if attribution else None
    return {
        "outlet": [outlet_key(analysis.outlet)] if analysis.outlet else [],
        "source": [key(attribution.source)] if attribution and attribution.source else [],
        "source_office": [office.code] if office else [],
        "persons": sorted({key(p.name) for p in analysis.persons}),
        "quotes": [quote_key(q.text) for q in analysis.quotes],
        "speakers": [f"{key(q.speaker or '?')} | {quote_key(q.text)}" for q in analysis.quotes],
        "dates": sorted({d.date.isoformat() for d in analysis.dates if d.date and d.kind == "day"}),
        "provinces": sorted(set(analysis.provinces)),
    }


def labelled_values(label: dict[str, Any]) -> dict[str, list[str]]:
    """What the label says, per field, in key form."""
    return {
        "outlet": [outlet_key(label["outlet"])] if label["outlet"] else [],
        "source": [key(label["source"])] if label["source"] else [],
        "source_office": [label["source_office"]] if label["source_office"] else [],
        "persons": sorted({key(name) for name in label["persons"]}),
        "quotes": [quote_key(q["start"]) for q in label["quotes"]],
        "speakers": [f"{key(q['speaker'])} | {quote_key(q['start'])}" for q in label["quotes"]],
        "dates": sorted(set(label["dates"])),
        "provinces": sorted(set(label["provinces"])),
    }


def evaluate(labels: list[dict[str, Any]], articles: dict[str, Article]) -> dict[str, Tally]:
    """Analyse every labelled article and tally each field."""
    tallies = {name: Tally() for name in FIELDS}
    for label in labels:
        article = articles[label["id"]]
        analysis = analyse(article.text, published=article.published)
        got, want = predicted_values(analysis), labelled_values(label)
        for name in FIELDS:
            tallies[name].add(label["id"], got[name], want[name])
    return tallies


def scores(tallies: dict[str, Tally]) -> dict[str, dict[str, float]]:
    return {
        name: {"precision": round(t.precision, 3), "recall": round(t.recall, 3), "f1": round(t.f1, 3)}
        for name, t in tallies.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--split", choices=SPLITS, help="only the articles of one split (default: all)")
    args = parser.parse_args(argv)
    labels = [label for label in load_labels() if args.split in (None, split_of(label))]
    tallies = evaluate(labels, articles_by_id())
    if args.json:
        print(json.dumps(scores(tallies), indent=2))
        return 0
    print(f"{'field':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'labelled':>10}{'predicted':>11}")
    for name, tally in tallies.items():
        print(
            f"{name:<14}{tally.precision:>10.3f}{tally.recall:>8.3f}{tally.f1:>7.3f}"
            f"{tally.labelled:>10}{tally.predicted:>11}"
        )
    if args.details:
        for name, tally in tallies.items():
            for line in tally.misses:
                print(f"[{name}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
