"""find_persons, find_provinces, find_cities and find_organizations over the 1,491 real Fars articles:
they never fail, and every reported span points at the reported name."""

import json
from functools import cache
from pathlib import Path

from ayneh.text.gazetteer import fold_key
from ayneh.text.organizations import find_organizations
from ayneh.text.people import find_persons
from ayneh.text.places import find_cities, find_provinces


@cache
def _fars_articles(shared_data: Path) -> tuple[str, ...]:
    return tuple(
        "\n".join([item["title"], item["abstract"], *item["paragraphs"]])
        for path in sorted((shared_data / "fars-news").glob("fars-news-*.json"))
        for item in json.loads(path.read_text(encoding="utf-8"))
    )


def test_every_person_span_points_at_the_persons_name(shared_data: Path) -> None:
    articles_with_people = 0
    for text in _fars_articles(shared_data):
        persons = find_persons(text)
        articles_with_people += bool(persons)
        for person in persons:
            assert fold_key(text[person.start : person.end]) == fold_key(person.name)
        assert len({p.name for p in persons}) == len(persons)
    assert articles_with_people > 500


def test_places_and_organisations_come_back_as_unique_lists(shared_data: Path) -> None:
    for text in _fars_articles(shared_data):
        for found in (find_provinces(text), find_cities(text), find_organizations(text)):
            assert len(set(found)) == len(found)
