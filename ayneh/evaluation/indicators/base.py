"""The contract every automatic indicator's computer keeps.

A computer is a function `(*, offices, window, params) -> Mapping[office pk, Computed]`:

- `offices` are the offices measured (all of a period's offices at once: one query serves them all, which
  is what makes a period of 1,000 offices over 100,000 releases take seconds rather than minutes),
  `window` the period's UTC interval [start, end) and length in months, `params` the indicator's
  parameters from the framework (e.g. {"hours": 24});
- for each office with data it returns `Computed(actual, inputs)`: the measured value in the indicator's
  unit and a JSON-ready record of what produced it (counts, parameters and the keys of the releases or
  events counted), which the scorecard shows next to the value and the drill-down follows;
- an office absent from the result has "no data": the data the indicator needs is not in Ayneh (yet), or
  there is nothing to take a share of (no event-linked releases for timeliness). No data is never a zero:
  doing nothing is data (zero releases is `Computed(0, ...)`).

Computers only read, and read only what lies inside the window, so recomputing a period later gives the
same values unless the underlying records themselves changed.
"""

from collections.abc import Mapping, Sequence
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
    def __call__(
        self, *, offices: Sequence[Office], window: PeriodWindow, params: Mapping[str, Any]
    ) -> Mapping[int, Computed]: ...
