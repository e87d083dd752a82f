"""Indicators whose data Ayneh does not hold yet: each returns None ("no data") and says what it awaits.

They are registered like the others so a framework can name them today, and the scorecard shows
"no data" rather than a made-up number. When the data arrives (the monitoring app's pickups and tone, a
campaigns or inquiries register, social media accounts), the function body is replaced; its name, and so
every framework that uses it, stays.
"""

from collections.abc import Mapping
from typing import Any

from ayneh.evaluation.indicators.base import Computed
from ayneh.evaluation.periods import PeriodWindow
from ayneh.offices.models import Office


def campaign_tasks_delivered(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits a register of national campaigns and the tasks assigned to offices."""
    return None


def pickup_rate(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the monitoring app's pickups (outlet articles matched to releases)."""
    return None


def pickup_breadth(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the monitoring app's pickups and its outlets' tiers."""
    return None


def attribution_rate(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the monitoring app's pickups with their extracted attribution («به نقل از روابط عمومی ...»)."""
    return None


def net_tone(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits tone labels on the monitoring app's coverage records."""
    return None


def posting_consistency(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the offices' social media accounts and their posts."""
    return None


def social_engagement_rate(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the offices' social media accounts, posts, followers and interactions."""
    return None


def criticism_answered(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits monitoring's criticism and rumour items and the offices' replies to them."""
    return None


def inquiry_response_time(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits a register of media and public inquiries with the times they were received and answered."""
    return None


def bulletins_on_schedule(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits monitoring bulletins with their schedule and publication times."""
    return None


def evidence_complete(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Awaits the evidence workflow of logged and evaluator indicators (issue 5: the office's uploads and
    their deadline), from which the share of indicators with evidence on time is computed."""
    return None
