"""«رتبه عالی و برتر کشوری در همه شاخص‌ها» is offered only when every part of it is true."""

from ayneh.evaluation.scoring import superlative_holds
from ayneh.evaluation.spec import default_framework_spec

SPEC = default_framework_spec()
EXCELLENT, VERY_GOOD = SPEC.bands[0], SPEC.bands[1]


def _holds(**overrides):
    arguments = {
        "band": EXCELLENT,
        "top_band": EXCELLENT,
        "national_rank": 1,
        "indicator_ranks": {"news.volume": 1, "news.timeliness": 1, "media.pickup_rate": None},
    }
    arguments.update(overrides)
    return superlative_holds(**arguments)


def test_it_holds_for_an_excellent_office_first_in_the_total_and_every_measured_indicator():
    assert _holds()


def test_a_shared_first_place_still_counts_as_first():
    # competition ranking gives tied leaders rank 1 each
    assert _holds(national_rank=1, indicator_ranks={"news.volume": 1})


def test_it_fails_below_the_top_band():
    assert not _holds(band=VERY_GOOD)


def test_it_fails_when_not_first_nationally():
    assert not _holds(national_rank=2)


def test_it_fails_when_second_in_a_single_indicator():
    assert not _holds(indicator_ranks={"news.volume": 1, "news.timeliness": 2})


def test_it_fails_without_any_measured_indicator_or_grade():
    assert not _holds(indicator_ranks={"news.volume": None})
    assert not _holds(band=None, national_rank=None)
