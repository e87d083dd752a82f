"""A malformed registry file stops the load with a clear reason, and nothing is written."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ayneh.offices.models import Office
from ayneh.offices.services import offices_load
from ayneh.text.registry import RegistryError

pytestmark = pytest.mark.django_db


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "offices.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_json_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"version": 1, "offices": [')
    with pytest.raises(CommandError, match="not valid UTF-8 JSON"):
        call_command("load_offices", str(path))
    assert not Office.objects.exists()


def test_an_unknown_parent_names_the_office_at_fault(tmp_path: Path) -> None:
    offices = [
        {"code": "ministry", "name": "وزارت", "tier": "ministry", "parent": None, "aliases": []},
        {"code": "dg-x", "name": "اداره", "tier": "provincial_dg", "parent": "nowhere", "aliases": []},
    ]
    path = _write(tmp_path, json.dumps({"version": 1, "offices": offices}))
    with pytest.raises(RegistryError, match="'dg-x': unknown parent 'nowhere'"):
        offices_load(path=path)
    assert not Office.objects.exists()


def test_a_missing_file_is_a_clear_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read office registry"):
        call_command("load_offices", str(tmp_path / "absent.json"))


def test_a_bad_file_leaves_an_already_loaded_tree_untouched(tmp_path: Path) -> None:
    offices_load()
    before = list(Office.objects.values_list("code", "name", "path"))
    path = _write(tmp_path, json.dumps({"version": 2, "offices": []}))
    with pytest.raises(CommandError, match="unsupported version"):
        call_command("load_offices", str(path))
    assert list(Office.objects.values_list("code", "name", "path")) == before
