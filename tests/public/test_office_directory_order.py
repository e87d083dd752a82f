"""The office directory reads in Persian alphabetical order, not Unicode code-point order."""

from django.test import Client

from ayneh.offices.models import Office
from ayneh.public.collation import persian_sort_key
from tests.factories import province_office_make


def test_persian_letters_outside_the_arabic_block_sort_in_their_alphabet_place() -> None:
    provinces = ["یزد", "گیلان", "کرمان", "چهارمحال و بختیاری", "البرز", "آذربایجان شرقی", "بوشهر", "پایتخت"]

    assert sorted(provinces, key=persian_sort_key) == [
        "آذربایجان شرقی",
        "البرز",
        "بوشهر",
        "پایتخت",
        "چهارمحال و بختیاری",
        "کرمان",
        "گیلان",
        "یزد",
    ]


def test_arabic_letter_forms_sort_with_their_persian_letters() -> None:
    assert sorted(["کرمانشاه", "كرمان"], key=persian_sort_key) == ["كرمان", "کرمانشاه"]


def test_provincial_directorates_are_listed_by_province_under_a_plural_heading(
    client: Client, ministry: Office
) -> None:
    for province, code in [("یزد", "dg-yazd"), ("گیلان", "dg-gilan"), ("البرز", "dg-alborz"), ("کرمان", "dg-kerman")]:
        province_office_make(province=province, code=code)

    html = client.get("/offices/").content.decode()

    assert "ادارات کل استانی" in html
    positions = [html.index(f"استان {province}<") for province in ("البرز", "کرمان", "گیلان", "یزد")]
    assert positions == sorted(positions)
