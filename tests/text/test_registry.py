"""The shipped office registry loads, and malformed registry files fail with a clear reason."""

import json
from pathlib import Path

import pytest

from ayneh.text.registry import OfficeEntry, Registry, RegistryError, load_registry

PROVINCES = {
    "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "اصفهان", "البرز", "ایلام", "بوشهر", "تهران",
    "چهارمحال و بختیاری", "خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "خوزستان", "زنجان", "سمنان",
    "سیستان و بلوچستان", "فارس", "قزوین", "قم", "کردستان", "کرمان", "کرمانشاه", "کهگیلویه و بویراحمد",
    "گلستان", "گیلان", "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان", "یزد",
}  # fmt: skip


def _office(code: str, **overrides: object) -> dict[str, object]:
    office: dict[str, object] = {
        "code": code, "name": f"دفتر {code}", "short_name": "", "tier": "hq_unit",
        "parent": "ministry", "province": None, "aliases": [],
    }  # fmt: skip
    office.update(overrides)
    return office


def _write(tmp_path: Path, offices: list[dict[str, object]], version: int = 1) -> Path:
    path = tmp_path / "offices.json"
    path.write_text(json.dumps({"version": version, "offices": offices}, ensure_ascii=False), encoding="utf-8")
    return path


MINISTRY = _office("ministry", tier="ministry", parent=None)


def test_it_ships_one_directorate_per_province_under_the_ministry() -> None:
    registry = load_registry()
    directorates = registry.by_tier("provincial_dg")
    assert {d.province for d in directorates} == PROVINCES
    assert len(directorates) == 31
    assert all(d.parent == "ministry" for d in directorates)
    assert all(d.name == f"اداره کل تعاون، کار و رفاه اجتماعی استان {d.province}" for d in directorates)


def test_it_ships_the_ministry_as_the_single_root() -> None:
    registry = load_registry()
    assert [r.code for r in registry.roots()] == ["ministry"]
    assert registry["ministry"].name == "وزارت تعاون، کار و رفاه اجتماعی"


def test_it_ships_hq_units_and_affiliated_organisations() -> None:
    registry = load_registry()
    assert registry["hq-pr"].tier == "hq_unit"
    assert registry["org-behzisti"].name == "سازمان بهزیستی کشور"
    assert registry["org-shasta"].parent == "org-tamin"
    assert "شستا" in registry["org-shasta"].aliases
    assert [a.code for a in registry.ancestors("org-shasta")] == ["org-tamin", "ministry"]


def test_it_lists_the_common_short_forms_as_aliases() -> None:
    registry = load_registry()
    khuzestan = registry["dg-khuzestan"]
    assert "تعاون کار و رفاه اجتماعی خوزستان" in khuzestan.aliases
    assert "اداره کار خوزستان" in khuzestan.aliases
    assert "تامین اجتماعی" in registry["org-tamin"].aliases
    assert {"وزارت کار", "وزارت رفاه"} <= set(registry["ministry"].aliases)


def test_shipped_codes_are_ascii_slugs_and_aliases_do_not_repeat_the_name() -> None:
    for office in load_registry():
        assert office.code.isascii()
        assert office.name not in office.aliases


def test_it_loads_a_custom_registry_file(tmp_path: Path) -> None:
    registry = load_registry(_write(tmp_path, [MINISTRY, _office("hq-pr", aliases=["روابط عمومی"])]))
    assert len(registry) == 2
    assert registry.children("ministry") == (registry["hq-pr"],)
    assert registry["hq-pr"].names == ("دفتر hq-pr", "روابط عمومی")


def test_it_accepts_a_child_listed_before_its_parent(tmp_path: Path) -> None:
    registry = load_registry(_write(tmp_path, [_office("hq-pr"), MINISTRY]))
    assert registry["hq-pr"].parent == "ministry"


@pytest.mark.parametrize(
    ("offices", "message"),
    [
        ([MINISTRY, MINISTRY], "duplicate office code 'ministry'"),
        ([MINISTRY, _office("hq-pr", parent="nowhere")], "office 'hq-pr': unknown parent 'nowhere'"),
        ([MINISTRY, _office("hq-pr", tier="department")], "office 'hq-pr': unknown tier 'department'"),
        ([MINISTRY, _office("Hq PR")], "'code' must be an ASCII slug"),
        ([MINISTRY, _office("hq-pr", name="")], "office 'hq-pr': 'name' must be a non-empty string"),
        ([MINISTRY, _office("hq-pr", aliases="روابط عمومی")], "'aliases' must be a list of non-empty strings"),
        ([_office("a", parent="b"), _office("b", parent="a")], "parent chain loops back"),
    ],
)
def test_it_rejects_a_malformed_registry_with_a_clear_reason(
    tmp_path: Path, offices: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(RegistryError, match=message):
        load_registry(_write(tmp_path, offices))


def test_it_rejects_an_unknown_schema_version(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="unsupported version 2"):
        load_registry(_write(tmp_path, [MINISTRY], version=2))


def test_it_rejects_a_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "offices.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid UTF-8 JSON"):
        load_registry(path)


def test_it_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read office registry"):
        load_registry(tmp_path / "absent.json")


def test_a_registry_can_be_built_from_entries_in_code() -> None:
    entry = OfficeEntry(code="ministry", name="وزارت", tier="ministry", province=None, parent=None, aliases=())
    assert Registry([entry]).get("ministry") is entry
