"""Loading an edited registry file brings the database in line: names, aliases and parents."""

import json
from pathlib import Path

import pytest

from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office, OfficeAlias
from ayneh.offices.services import offices_load

pytestmark = pytest.mark.django_db


def _office(code: str, parent: str | None, **overrides: object) -> dict[str, object]:
    office: dict[str, object] = {
        "code": code, "name": f"دفتر {code}", "short_name": "", "tier": "hq_unit",
        "parent": parent, "province": None, "aliases": [],
    }  # fmt: skip
    office.update(overrides)
    return office


def _write(path: Path, offices: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({"version": 1, "offices": offices}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "offices.json",
        [
            _office("ministry", None, tier="ministry", aliases=["وزارت کار"]),
            _office("hq-a", "ministry", aliases=["الف", "ب"]),
            _office("hq-a-1", "hq-a"),
            _office("hq-a-1-x", "hq-a-1"),
            _office("hq-b", "ministry"),
        ],
    )


def _paths() -> dict[str, str]:
    return dict(Office.objects.values_list("code", "path"))


def test_children_listed_before_their_parents_still_load(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "offices.json",
        [_office("hq-a-1", "hq-a"), _office("hq-a", "ministry"), _office("ministry", None, tier="ministry")],
    )
    offices_load(path=path)
    assert _paths() == {"ministry": "/ministry/", "hq-a": "/ministry/hq-a/", "hq-a-1": "/ministry/hq-a/hq-a-1/"}


def test_aliases_follow_the_file(registry_file: Path) -> None:
    offices_load(path=registry_file)
    data = json.loads(registry_file.read_text(encoding="utf-8"))
    data["offices"][1]["aliases"] = ["ب", "ج"]
    registry_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    report = offices_load(path=registry_file)

    assert set(OfficeAlias.objects.filter(office__code="hq-a").values_list("text", flat=True)) == {"ب", "ج"}
    assert (report.aliases_added, report.aliases_removed) == (1, 1)
    row = AuditEntry.objects.get(action="office.updated", target_id="hq-a")
    assert row.data["aliases"] == {"added": ["ج"], "removed": ["الف"]}


def test_a_renamed_office_is_updated_in_place(registry_file: Path) -> None:
    offices_load(path=registry_file)
    before = Office.objects.get(code="hq-b").pk
    data = json.loads(registry_file.read_text(encoding="utf-8"))
    data["offices"][4]["name"] = "معاونت تازه"
    registry_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    report = offices_load(path=registry_file)

    office = Office.objects.get(code="hq-b")
    assert (office.pk, office.name) == (before, "معاونت تازه")
    assert report.updated == ["hq-b"]


def test_a_moved_office_takes_its_whole_subtree_along(registry_file: Path) -> None:
    offices_load(path=registry_file)
    data = json.loads(registry_file.read_text(encoding="utf-8"))
    data["offices"][1]["parent"] = "hq-b"
    registry_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    report = offices_load(path=registry_file)

    assert report.moved == ["hq-a"]
    assert _paths() == {
        "ministry": "/ministry/",
        "hq-b": "/ministry/hq-b/",
        "hq-a": "/ministry/hq-b/hq-a/",
        "hq-a-1": "/ministry/hq-b/hq-a/hq-a-1/",
        "hq-a-1-x": "/ministry/hq-b/hq-a/hq-a-1/hq-a-1-x/",
    }
    assert not offices_load(path=registry_file).changed


def test_a_parent_and_child_that_swap_places_end_up_consistent(registry_file: Path) -> None:
    offices_load(path=registry_file)
    data = json.loads(registry_file.read_text(encoding="utf-8"))
    data["offices"][1]["parent"] = "hq-a-1"  # hq-a goes under its former child
    data["offices"][2]["parent"] = "ministry"
    registry_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    offices_load(path=registry_file)

    assert _paths()["hq-a-1"] == "/ministry/hq-a-1/"
    assert _paths()["hq-a"] == "/ministry/hq-a-1/hq-a/"
    assert _paths()["hq-a-1-x"] == "/ministry/hq-a-1/hq-a-1-x/"


def test_offices_missing_from_the_file_are_kept_and_reported(registry_file: Path) -> None:
    offices_load(path=registry_file)
    Office.objects.create(code="local-unit", name="واحد محلی", tier="hq_unit", parent=Office.objects.get(code="hq-b"))

    report = offices_load(path=registry_file)

    assert report.not_in_registry == ["local-unit"]
    assert Office.objects.filter(code="local-unit").exists()
