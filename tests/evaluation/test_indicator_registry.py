"""Every automatic indicator names a registered computer; awaited data is "no data", never a number."""

import pytest

from ayneh.evaluation.indicators import pending
from ayneh.evaluation.indicators.base import Scope
from ayneh.evaluation.indicators.registry import COMPUTERS, UnknownComputer, computer_get
from ayneh.evaluation.spec import Source, default_framework_spec
from tests.evaluation.test_newsroom_indicators import WINDOW


def test_every_automatic_indicator_of_the_default_framework_has_a_registered_computer():
    for indicator in default_framework_spec().indicators:
        if indicator.source == Source.AUTO:
            assert indicator.computer in COMPUTERS, indicator.code


def test_an_unknown_computer_is_refused_by_name():
    with pytest.raises(UnknownComputer, match="made_up"):
        computer_get("made_up")


@pytest.mark.parametrize("name", [name for name, f in COMPUTERS.items() if f.__module__ == pending.__name__])
def test_computers_awaiting_data_report_no_data(name, khuzestan):
    assert COMPUTERS[name](scope=Scope(offices=[khuzestan], window=WINDOW), params={}) == {}
