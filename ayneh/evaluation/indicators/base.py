"""The contract every automatic indicator's computer keeps.

A computer is a function `(*, scope, params) -> Mapping[office pk, Computed]`:

- `scope` is one computation: the offices measured (all of a period's offices at once, so one query
  serves them all), the period's UTC interval [start, end) and length in months, and a memo of reads that
  several computers share during this computation (the newsroom's four indicators read the period's
  releases once between them); `params` are the indicator's parameters from the framework ({"hours": 24});
- for each office with data it returns `Computed(actual, inputs)`: the measured value in the indicator's
  unit and a JSON-ready record of what produced it (counts, parameters and the keys of the releases or
  events counted), which the scorecard shows next to the value and the drill-down follows;
- an office absent from the result has "no data": the data the indicator needs is not in Ayneh (yet), or
  there is nothing to take a share of (no event-linked releases for timeliness). No data is never a zero:
  doing nothing is data (zero releases is `Computed(0, ...)`).

Computers only read, and read only what lies inside the window, so recomputing a period later gives the
same values unless the underlying records themselves changed. The memo lives as long as its scope (one
`period_compute` call), so it never serves stale data to a later computation.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from ayneh.evaluation.periods import PeriodWindow
from ayneh.offices.models import Office

PERCENT = 100.0


class EvidenceKind(StrEnum):
    """What the keys listed under an input name point at, so the scorecard can drill down to them."""

    RELEASE = "release"  # a newsroom Release, by its uuid as a string
    EVENT = "event"  # a newsroom Event, by its uuid as a string
    PICKUP = "pickup"  # a monitoring Pickup, by its primary key (an integer); see indicators/pickups.py


# The input names whose value is a list of keys, and the kind of record each key names. Every other input
# is a plain fact (a count, a parameter, a mapping of counts) shown as it is. One table for every computer:
# an input name means the same thing wherever it appears.
EVIDENCE_INPUTS: dict[str, EvidenceKind] = {
    # newsroom.py
    "releases": EvidenceKind.RELEASE,
    "timely": EvidenceKind.RELEASE,
    "late": EvidenceKind.RELEASE,
    "multimedia": EvidenceKind.RELEASE,
    "covered": EvidenceKind.EVENT,
    "uncovered": EvidenceKind.EVENT,
    # pickups.py
    "picked_up": EvidenceKind.RELEASE,
    "not_picked_up": EvidenceKind.RELEASE,
    "pickups": EvidenceKind.PICKUP,
    "credited": EvidenceKind.PICKUP,
    "uncredited": EvidenceKind.PICKUP,
}


def evidence_kind(input_name: str) -> EvidenceKind | None:
    """The kind of record an input's keys name, or None when the input is a plain fact."""
    return EVIDENCE_INPUTS.get(input_name)


@dataclass(frozen=True, slots=True)
class Computed:
    actual: float
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scope:
    """The offices and period window of one computation, with the reads its computers share."""

    offices: Sequence[Office]
    window: PeriodWindow
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def office_ids(self) -> list[int]:
        return [office.pk for office in self.offices]

    def shared[T](self, key: str, load: Callable[[], T]) -> T:
        """`load()` on the first request for `key` in this scope, the same result after that."""
        if key not in self._memo:
            self._memo[key] = load()
        return self._memo[key]


class Computer(Protocol):
    def __call__(self, *, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]: ...
