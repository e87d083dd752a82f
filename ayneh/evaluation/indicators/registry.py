"""The registry of automatic indicator computers: the name a framework's indicator gives → the function.

A plain dict, so the whole set is visible in one place; `tests/evaluation/test_indicator_registry.py`
checks every automatic indicator of the default framework names one of these.
"""

from ayneh.evaluation.indicators import newsroom, pending, pickups
from ayneh.evaluation.indicators.base import Computer

COMPUTERS: dict[str, Computer] = {
    # from the newsroom's releases and events
    "news_volume": newsroom.news_volume,
    "news_timeliness": newsroom.news_timeliness,
    "event_coverage": newsroom.event_coverage,
    "multimedia_share": newsroom.multimedia_share,
    # from media monitoring's pickups of those releases
    "pickup_rate": pickups.pickup_rate,
    "pickup_breadth": pickups.pickup_breadth,
    "attribution_rate": pickups.attribution_rate,
    # awaiting data Ayneh does not hold yet: "no data"
    "campaign_tasks_delivered": pending.campaign_tasks_delivered,
    "net_tone": pending.net_tone,
    "posting_consistency": pending.posting_consistency,
    "social_engagement_rate": pending.social_engagement_rate,
    "criticism_answered": pending.criticism_answered,
    "inquiry_response_time": pending.inquiry_response_time,
    "bulletins_on_schedule": pending.bulletins_on_schedule,
    "evidence_complete": pending.evidence_complete,
}


class UnknownComputer(LookupError):
    """A framework names a computer that is not registered."""


def computer_get(name: str) -> Computer:
    try:
        return COMPUTERS[name]
    except KeyError:
        raise UnknownComputer(f"no indicator computer is registered as {name!r}") from None
