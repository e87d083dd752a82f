"""The contract every automatic indicator's computer keeps.

A computer is a function `(*, office, window, params) -> Computed | None`:

- `office` is the office measured, `window` the period's UTC interval [start, end) and length in months,
  `params` the indicator's parameters from the framework (e.g. {"hours": 24});
- it returns `Computed(actual, inputs)`: the measured value in the indicator's unit and a JSON-ready
  record of what produced it (counts, parameters and the keys of the releases or events counted), which the
  scorecard shows next to the value and the drill-down follows;
- or None for "no data": the data the indicator needs is not in Ayneh (yet), or there is nothing to take
  a share of (no event-linked releases for timeliness). None is never a zero: doing nothing is data
  (zero releases is `Computed(0, ...)`).

Computers only read, and read only what lies inside the window, so recomputing a period later gives the
same values unless the underlying records themselves changed.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ayneh.evaluation.periods import PeriodWindow
from ayneh.offices.models import Office

PERCENT = 100.0


@dataclass(frozen=True, slots=True)
class Computed:
    actual: float
    inputs: dict[str, Any] = field(default_factory=dict)


class Computer(Protocol):
    def __call__(self, *, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None: ...


def share(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`; None when there is nothing to take a share of."""
    return None if whole == 0 else PERCENT * part / whole
