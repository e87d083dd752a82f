"""The cheap tests that find verbs of saying fast accept every verb form the verb pattern accepts."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ayneh.text import quotes
from ayneh.text.quotes import find_quotes

VERB_FORM = re.compile("(?:" + "|".join(quotes._VERBS) + ")")


@given(st.from_regex(VERB_FORM, fullmatch=True))
def test_every_verb_form_ends_in_a_listed_ending_and_fits_the_window(form: str) -> None:
    assert form.endswith(quotes._VERB_ENDINGS)
    assert len(form) <= quotes._VERB_WIDTH


@pytest.mark.parametrize("verb", ["اظهار داشته است", "خاطر نشان ساختند", "تأکید نمودند", "می‌گوید"])
def test_the_longest_and_plural_forms_open_a_quote(verb: str) -> None:
    [quote] = find_quotes(f"رئیس سازمان {verb}: برنامه اجرا می‌شود.", [])
    assert quote.text == "برنامه اجرا می‌شود."
