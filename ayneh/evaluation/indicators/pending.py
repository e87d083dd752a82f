"""Indicators whose data Ayneh does not hold yet: each returns no office ("no data") and says what it awaits.

They are registered like the others so a framework can name them today, and the scorecard shows
"no data" rather than a made-up number. When the data arrives (tone labels on monitoring's articles, a
campaigns or inquiries register, social media accounts), the function body is replaced; its name, and so
every framework that uses it, stays (the pickup indicators went this way: `indicators/pickups.py`).
"""

from collections.abc import Mapping
from typing import Any

from ayneh.evaluation.indicators.base import Computed, Scope


def campaign_tasks_delivered(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits a register of national campaigns and the tasks assigned to offices."""
    return {}


def net_tone(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits tone labels on the monitoring app's coverage records."""
    return {}


def posting_consistency(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits the offices' social media accounts and their posts."""
    return {}


def social_engagement_rate(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits the offices' social media accounts, posts, followers and interactions."""
    return {}


def criticism_answered(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits monitoring's criticism and rumour items and the offices' replies to them."""
    return {}


def inquiry_response_time(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits a register of media and public inquiries with the times they were received and answered."""
    return {}


def bulletins_on_schedule(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits monitoring bulletins with their schedule and publication times."""
    return {}


def evidence_complete(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Awaits the evidence workflow of logged and evaluator indicators (issue 5: the office's uploads and
    their deadline), from which the share of indicators with evidence on time is computed."""
    return {}
