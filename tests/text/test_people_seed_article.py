"""The seed article (DESIGN.md, "The canonical example"): its two people, province and organisations."""

from pathlib import Path

import pytest

from ayneh.text.normalize import normalize
from ayneh.text.organizations import find_organizations
from ayneh.text.people import find_persons
from ayneh.text.places import find_provinces

KHUZESTAN_PR_HEAD = "رئیس روابط عموی اداره کل تعاون، کار و رفاه اجتماعی خوزستان"  # the article's own typo «عموی»
MINISTER = "وزیر تعاون، کار و رفاه اجتماعی"


@pytest.fixture(params=["as published", "normalised"])
def seed_text(request: pytest.FixtureRequest, shared_data: Path) -> str:
    text = (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")
    return text if request.param == "as published" else normalize(text)


def test_it_finds_the_pr_head_and_the_minister_with_their_roles(seed_text: str) -> None:
    persons = find_persons(seed_text)
    assert [(p.name, p.role) for p in persons] == [("حسن نسیمی", KHUZESTAN_PR_HEAD), ("محمد شریعتمداری", MINISTER)]
    for person in persons:
        assert seed_text[person.start : person.end] == person.name


def test_it_finds_khuzestan_as_the_only_province(seed_text: str) -> None:
    assert find_provinces(seed_text) == ["خوزستان"]


def test_it_finds_the_ministry_the_directorate_and_shasta(seed_text: str) -> None:
    organizations = find_organizations(seed_text)
    assert "وزارت تعاون، کار و رفاه اجتماعی" in organizations
    assert "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان" in organizations
    assert "شرکت سرمایه‌گذاری تأمین اجتماعی (شستا)" in organizations


def test_the_misspelt_credit_yields_no_fragment_of_the_directorates_name(seed_text: str) -> None:
    # The credit writes «اداره کل تعان,کار و رفاه اجتماعی استان خوزستان».
    assert not [name for name in find_organizations(seed_text) if "تعان" in name.split()]
    assert find_organizations(seed_text)[0] == "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"
