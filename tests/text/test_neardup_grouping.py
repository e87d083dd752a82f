"""group_documents: versions share a group, streaming, in input order, the same every time."""

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from ayneh.text.neardup import BATCH_SIZE, group_documents
from tests.text.neardup_stories import (
    JOB_FAIR,
    LIBRARY_WEEK,
    SHIRAZ_RAIN,
    WORKER_INSURANCE,
    cut_to_first_half,
    filler_stories,
    in_arabic_letters,
    with_attribution_rewritten,
    with_speech_verbs_swapped,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def _items() -> list[tuple[str, str]]:
    return [
        ("fars", JOB_FAIR),
        ("rain", SHIRAZ_RAIN),
        ("isna", with_attribution_rewritten(JOB_FAIR)),
        ("insurance", WORKER_INSURANCE),
        ("excerpt", cut_to_first_half(in_arabic_letters(JOB_FAIR))),
        ("library", LIBRARY_WEEK),
        ("rain-again", with_speech_verbs_swapped(SHIRAZ_RAIN)),
    ]


def test_versions_share_the_group_of_their_first_version() -> None:
    assert list(group_documents(_items())) == [
        ("fars", "fars"),
        ("rain", "rain"),
        ("isna", "fars"),
        ("insurance", "insurance"),
        ("excerpt", "fars"),
        ("library", "library"),
        ("rain-again", "rain"),
    ]


def test_versions_are_grouped_across_batches() -> None:
    fillers = [(f"filler-{i}", text) for i, text in enumerate(filler_stories(BATCH_SIZE + 10, seed=5))]
    items = [("first", JOB_FAIR), *fillers, ("late", in_arabic_letters(JOB_FAIR))]
    groups = dict(group_documents(items))
    assert groups["late"] == "first"
    assert all(groups[doc_id] == doc_id for doc_id, _ in fillers)


def test_it_streams_without_reading_all_of_its_input() -> None:
    def endless() -> Iterator[tuple[str, str]]:
        for n in itertools.count():
            yield str(n), JOB_FAIR if n % 2 else SHIRAZ_RAIN

    assert list(itertools.islice(group_documents(endless()), 4)) == [("0", "0"), ("1", "1"), ("2", "0"), ("3", "1")]


def test_it_gives_the_same_groups_in_another_process() -> None:
    # Another hash seed for str: grouping must not depend on Python's per-process hash randomisation.
    items = [*_items(), *((f"filler-{i}", t) for i, t in enumerate(filler_stories(20, seed=9)))]
    script = (
        "import json, sys\n"
        "from ayneh.text.neardup import group_documents\n"
        "print(json.dumps(list(group_documents(json.load(sys.stdin)))))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(items),
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert [tuple(pair) for pair in json.loads(runs[0])] == list(group_documents(items))


def test_no_items_give_no_groups() -> None:
    assert list(group_documents([])) == []
