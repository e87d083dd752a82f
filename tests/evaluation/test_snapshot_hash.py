"""A snapshot's content hash is reproducible: the same data in any order gives the same hash."""

import json

from ayneh.evaluation.ranking import ranking_build
from ayneh.evaluation.snapshots import canonical_json, content_hash
from tests.evaluation.rankings import PERIOD, SPEC, measured_office


def _document(offices):
    return ranking_build(framework=SPEC, period=PERIOD, offices=offices)


def _offices():
    return [
        measured_office("dg-khuzestan", score=0.93),
        measured_office("dg-fars", score=0.81, overrides={"news.volume": None}),
        measured_office("dg-tehran", score=0.81),
    ]


def test_recomputing_from_the_same_data_gives_the_same_hash():
    assert content_hash(_document(_offices())) == content_hash(_document(_offices()))


def test_the_order_offices_and_measurements_arrive_in_does_not_change_the_hash():
    shuffled = list(reversed(_offices()))
    shuffled[0] = type(shuffled[0])(
        code=shuffled[0].code,
        name=shuffled[0].name,
        tier=shuffled[0].tier,
        measurements=dict(reversed(list(shuffled[0].measurements.items()))),
    )
    assert content_hash(_document(shuffled)) == content_hash(_document(_offices()))


def test_one_changed_score_changes_the_hash():
    changed = _offices()
    changed[1] = measured_office("dg-fars", score=0.81, overrides={"news.volume": 0.5})
    assert content_hash(_document(changed)) != content_hash(_document(_offices()))


def test_the_hash_survives_a_round_trip_through_json_storage():
    document = _document(_offices())
    stored = json.loads(json.dumps(document))
    assert content_hash(stored) == content_hash(document)


def test_the_canonical_form_keeps_persian_as_utf8_and_the_hash_is_sha256_hex():
    document = _document(_offices())
    assert "عالی".encode() in canonical_json(document)
    assert len(content_hash(document)) == 64
    int(content_hash(document), 16)
