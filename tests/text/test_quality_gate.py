"""The quality gate's second half: per-field precision, recall and F1 on the hand-labelled Fars articles
(tests/text/eval) must not drop below the floor in tests/text/eval/floor.json. Skips where ../shared/data is
absent. See tests/text/eval/README.md for how the set was built and labelled."""

import json
from pathlib import Path

import pytest

from tests.text.eval import corpus
from tests.text.eval.score import FIELDS, Tally, evaluate, load_labels

FLOOR_FILE = Path(__file__).resolve().parent / "eval" / "floor.json"
METRICS = ("precision", "recall", "f1")


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    if not corpus.FARS_DIR.is_dir():
        pytest.skip("../shared/data is not present in this checkout")
    return evaluate(load_labels(), corpus.articles_by_id())


def test_the_floor_covers_every_field_and_metric() -> None:
    floor = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))["floor"]
    assert set(floor) == set(FIELDS)
    assert all(set(metrics) == set(METRICS) for metrics in floor.values())


@pytest.mark.parametrize("field", FIELDS)
def test_the_field_stays_at_or_above_its_floor(tallies: dict[str, Tally], field: str) -> None:
    floor = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))["floor"][field]
    tally = tallies[field]
    reached = {"precision": tally.precision, "recall": tally.recall, "f1": tally.f1}
    below = {metric: round(reached[metric], 3) for metric in METRICS if reached[metric] < floor[metric]}
    assert not below, f"{field} below its floor {floor}: {below}\n" + "\n".join(tally.misses)
