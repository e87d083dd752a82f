"""The quality gate's first half: the seed article reads exactly as DESIGN.md's "canonical example" says."""

import datetime
from pathlib import Path

import pytest

from ayneh.text.analyze import Analysis, analyse
from ayneh.text.officematch import match_office
from ayneh.text.registry import load_registry

PUBLISHED = datetime.date(2021, 5, 22)


@pytest.fixture
def seed(shared_data: Path) -> str:
    return (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")


@pytest.fixture
def analysis(seed: str) -> Analysis:
    return analyse(seed, published=PUBLISHED)


def test_the_outlet_is_rah_baharestan(analysis: Analysis) -> None:
    assert analysis.outlet == "راه بهارستان"


def test_the_source_is_the_khuzestan_directorate_despite_the_typo(analysis: Analysis, seed: str) -> None:
    attribution = analysis.attribution
    assert attribution is not None
    assert attribution.office is not None
    assert attribution.office.code == "dg-khuzestan"
    assert analysis.to_json()["source_office"] == "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"
    assert seed[attribution.start : attribution.end] == attribution.text
    assert "تعان,کار" in attribution.text  # the span shows the original, typo included


def test_both_people_come_with_their_roles(analysis: Analysis) -> None:
    persons = {p.name: p.role for p in analysis.persons}
    assert set(persons) == {"حسن نسیمی", "محمد شریعتمداری"}
    assert persons["محمد شریعتمداری"] == "وزیر تعاون، کار و رفاه اجتماعی"
    nasimi_role = persons["حسن نسیمی"]
    assert nasimi_role is not None
    assert nasimi_role.startswith("رئیس روابط عمو")  # the article misspells it «روابط عموی» there
    directorate = match_office(nasimi_role.removeprefix("رئیس "), load_registry())
    assert directorate is not None
    assert directorate.office.code == "dg-khuzestan"


def test_nine_quotes_all_by_nasimi(analysis: Analysis) -> None:
    assert len(analysis.quotes) == 9
    assert {q.speaker for q in analysis.quotes} == {"حسن نسیمی"}
    assert analysis.quotes[0].text.startswith("روز روابط عمومی متعلق به انسانهایی است")
    assert analysis.quotes[-1].text.endswith("در ایران ایجاد کند.")


@pytest.mark.parametrize("published", [PUBLISHED, datetime.date(2021, 5, 24), datetime.date(2021, 5, 27)])
def test_the_event_date_is_1_khordad_1400(seed: str, published: datetime.date) -> None:
    dates = {d.text: d.date for d in analyse(seed, published=published).dates}
    assert dates["روز شنبه یکم خرداد"] == datetime.date(2021, 5, 22)


def test_the_province_is_khuzestan(analysis: Analysis) -> None:
    assert analysis.provinces == ("خوزستان",)


def test_the_organisations_include_the_ministry_and_shasta(analysis: Analysis) -> None:
    organizations = analysis.organizations
    assert any("وزارت تعاون، کار و رفاه اجتماعی" in org for org in organizations)
    assert any("شستا" in org for org in organizations)
