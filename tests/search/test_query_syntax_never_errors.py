"""Whatever a visitor types, search answers: engine syntax is never passed through, so it cannot error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ayneh.search.selectors import SearchPage, search_documents
from tests.search.conftest import IndexDocument

HOSTILE_QUERIES = [
    '"',
    '""',
    '"تعاون',
    'تعاون"',
    "NEAR",
    "NEAR(تعاون کار)",
    "تعاون NEAR/2 کار",
    "*",
    "**تعاون",
    "تعاون*",
    "-",
    "--",
    "- تعاون",
    "AND",
    "OR OR",
    "NOT تعاون",
    "(",
    ")(",
    "^تعاون",
    "tokens:تعاون",
    "{tokens}: تعاون",
    "'",
    "''",
    "\\",
    "تعاون:*",
    "!تعاون & | <-> <2>",
    "'; DROP TABLE search_searchdocument; --",
    "\x00تعاون",
    "\u200c\u200c",
    "\u064b\u064c\u064d",
    "ـــــ",
    "«»",
    "«",
    "😀 تعاون",
    "تعاون " * 500,
]


@pytest.fixture
def one_release(index_document: IndexDocument) -> None:
    index_document("cooperation", "هفته تعاون", "برنامه های هفته تعاون در استان برگزار شد.")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_it_answers_a_hostile_query_without_error(one_release: None, query: str) -> None:
    page = search_documents(query=query)

    assert isinstance(page, SearchPage)
    assert page.keys in ([], ["cooperation"])
    assert page.total == len(page.keys)


@pytest.mark.parametrize("query", ['"تعاون', "تعاون*", "- تعاون", "^تعاون", "تعاون:*", "«تعاون»"])
def test_syntax_characters_around_a_word_still_find_it(one_release: None, query: str) -> None:
    assert search_documents(query=query).keys == ["cooperation"]


@pytest.mark.parametrize("query", ["", "   ", "*", "-", '""', "\u200c", "()"])
def test_a_query_without_words_is_an_empty_page(one_release: None, query: str) -> None:
    assert search_documents(query=query) == SearchPage(keys=[], total=0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80))
def test_any_unicode_text_is_a_valid_query(one_release: None, query: str) -> None:
    page = search_documents(query=query)

    assert page.total == len(page.keys)
