"""Resolving written office names (typos, Arabic letters, channels) against a registry passed in."""

import pytest

from ayneh.text.officematch import MATCH_THRESHOLD, match_office, office_matcher
from ayneh.text.registry import OfficeEntry, Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _code(name: str, registry: Registry) -> str | None:
    found = match_office(name, registry)
    return found.office.code if found else None


def test_it_survives_a_dropped_letter_and_an_ascii_comma(registry: Registry) -> None:
    found = match_office("اداره کل تعان,کار و رفاه اجتماعی استان فارس", registry)
    assert found is not None
    assert found.office.code == "dg-fars"
    assert found.confidence >= 0.95


def test_it_survives_arabic_letters_and_a_missing_province_word(registry: Registry) -> None:
    assert _code("اداره كل تعاون كار و رفاه اجتماعي آذربايجان غربي", registry) == "dg-west-azarbaijan"


def test_it_survives_two_words_glued_together(registry: Registry) -> None:
    assert _code("اداره کل تعاونکار و رفاه اجتماعی استان کرمان", registry) == "dg-kerman"


def test_it_looks_past_a_leading_public_relations_channel(registry: Registry) -> None:
    assert _code("روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان", registry) == "dg-khuzestan"
    assert _code("پایگاه اطلاع‌رسانی سازمان تأمین اجتماعی", registry) == "org-tamin"


def test_the_province_decides_between_directorates_even_with_typos(registry: Registry) -> None:
    assert _code("اداره کل تعان کار و رفاه اجتماعی استان خوزستان", registry) == "dg-khuzestan"
    assert _code("اداره کل تعان کار و رفاه اجتماعی استان فارس", registry) == "dg-fars"


def test_a_province_it_names_keeps_national_offices_out(registry: Registry) -> None:
    # The registry lists no Khuzestan branch of the Social Security Organisation: refuse, do not credit the
    # national organisation (nor the Khuzestan directorate) with a provincial branch's news.
    assert match_office("سازمان تامین اجتماعی استان خوزستان", registry) is None


@pytest.mark.parametrize(
    "name",
    [
        "اداره کل راه و شهرسازی استان خوزستان",
        "اداره کل دامپزشکی خوزستان",
        "اداره کل آموزش و پرورش استان فارس",
        "وزارت کشور",
        "بانک ملت",
        "دانشگاه تهران",
        "سازمان بازرسی کل کشور",
    ],
)
def test_it_refuses_other_organisations(registry: Registry, name: str) -> None:
    assert match_office(name, registry) is None


def test_it_reports_a_confidence_and_the_registry_form_that_matched(registry: Registry) -> None:
    found = match_office("شرکت سرمايه گذاري تامين اجتماعي", registry)
    assert found is not None
    assert found.office.code == "org-shasta"
    assert MATCH_THRESHOLD <= found.confidence <= 1.0
    assert found.matched_name in found.office.names


def test_it_matches_against_the_registry_it_is_given() -> None:
    custom = Registry(
        [
            OfficeEntry(code="root", name="وزارت نمونه", tier="ministry", province=None, parent=None, aliases=()),
            OfficeEntry(
                code="dg-yazd",
                name="اداره کل نمونه استان یزد",
                tier="provincial_dg",
                province="یزد",
                parent="root",
                aliases=("نمونه یزد",),
            ),
        ]
    )
    assert _code("روابط عمومی اداره کل نمونه استان یزد", custom) == "dg-yazd"
    assert match_office("اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان", custom) is None


def test_it_builds_the_match_index_once_per_registry(registry: Registry) -> None:
    assert office_matcher(registry) is office_matcher(registry)
    assert office_matcher(registry) is not office_matcher(Registry(list(registry)))
