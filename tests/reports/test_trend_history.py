"""The trend reads the latest revision of every published period of the same kind up to the one shown,
oldest first, and only periods the office was ranked in."""

from ayneh.evaluation.models import Source
from ayneh.evaluation.services import (
    evaluator_score_set,
    framework_load_default,
    period_open,
    period_publish,
    period_review_begin,
)
from ayneh.reports.charts import Labels
from ayneh.reports.figures import total_trend
from ayneh.reports.selectors import office_history


def _rate_all(period, office, rating, evaluator):
    for indicator in period.framework.indicators.filter(source=Source.EVAL):
        evaluator_score_set(
            period=period, office=office, indicator=indicator, rating=rating, comment="ارزیابی آزمایشی", actor=evaluator
        )


def _published(*, kind, year, number=0, ratings, evaluator):
    period = period_open(
        framework=framework_load_default(),
        kind=kind,
        year=year,
        number=number,
        offices=list(ratings),
        actor=evaluator,
    )
    for office, rating in ratings.items():
        _rate_all(period, office, rating, evaluator)
    period_review_begin(period=period, actor=evaluator)
    period_publish(period=period, actor=evaluator)
    return period


def _total(period, code):
    return next(
        card["total"] for card in period.snapshots.latest("revision").content["offices"] if card["code"] == code
    )


def test_the_trend_follows_the_years_and_their_latest_revision(ministry_evaluator, khuzestan, fars):
    _published(kind="year", year=1401, ratings={fars: 3}, evaluator=ministry_evaluator)
    y1402 = _published(kind="year", year=1402, ratings={khuzestan: 2, fars: 3}, evaluator=ministry_evaluator)
    y1403 = _published(kind="year", year=1403, ratings={khuzestan: 4, fars: 1}, evaluator=ministry_evaluator)
    _published(kind="year", year=1404, ratings={khuzestan: 1, fars: 1}, evaluator=ministry_evaluator)  # later
    _published(kind="quarter", year=1403, number=2, ratings={khuzestan: 0}, evaluator=ministry_evaluator)  # a quarter

    # A correction of 1402 after publication: the trend shows revision 2.
    _rate_all(y1402, khuzestan, 3, ministry_evaluator)
    period_publish(period=y1402, actor=ministry_evaluator, reason="اصلاح پس از اعتراض")

    history = office_history(period=y1403, office_code=khuzestan.code)
    assert [period.jalali_year for period, _card in history] == [1402, 1403]  # 1401 without Khuzestan
    assert [card["total"] for _period, card in history] == [
        _total(y1402, khuzestan.code),
        _total(y1403, khuzestan.code),
    ]
    first_revision = y1402.snapshots.get(revision=1).content["offices"]
    assert history[0][1]["total"] != next(card["total"] for card in first_revision if card["code"] == khuzestan.code)

    card = next(
        card for card in y1403.snapshots.latest("revision").content["offices"] if card["code"] == khuzestan.code
    )
    chart = total_trend(period=y1403, card=card, mode=Labels.TEXT)
    assert "سال ۱۴۰۲" in chart.svg
    assert "سال ۱۴۰۳" in chart.svg
    assert "۱۴۰۴" not in chart.svg
    assert chart.points >= 2
