"""Re-parenting an office keeps every descendant's path right, refuses loops, and is audited."""

import pytest
from django.core.exceptions import ValidationError

from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office
from ayneh.offices.services import office_move
from tests.factories import office_make


@pytest.fixture
def subtree(khuzestan: Office) -> dict[str, Office]:
    unit = office_make(parent=khuzestan, code="ahvaz")
    leaf = office_make(parent=unit, code="ahvaz-north")
    return {"unit": unit, "leaf": leaf}


def test_moving_an_office_rewrites_its_descendants_paths(
    subtree: dict[str, Office], fars: Office, administrator: object
) -> None:
    office_move(office=subtree["unit"], parent=fars, actor=administrator)
    assert Office.objects.get(code="ahvaz").path == "/ministry/dg-fars/ahvaz/"
    assert Office.objects.get(code="ahvaz-north").path == "/ministry/dg-fars/ahvaz/ahvaz-north/"


def test_moving_leaves_other_offices_alone(subtree: dict[str, Office], fars: Office, khuzestan: Office) -> None:
    office_move(office=subtree["unit"], parent=fars)
    assert Office.objects.get(code="dg-khuzestan").path == "/ministry/dg-khuzestan/"
    assert Office.objects.get(code="dg-fars").path == "/ministry/dg-fars/"


def test_moving_is_audited(subtree: dict[str, Office], fars: Office, administrator: object) -> None:
    office_move(office=subtree["unit"], parent=fars, actor=administrator)
    row = AuditEntry.objects.get(action="office.moved")
    assert (row.actor, row.target_id, row.data) == (administrator, "ahvaz", {"parent": ["dg-khuzestan", "dg-fars"]})


def test_an_office_cannot_move_under_its_own_descendant(subtree: dict[str, Office], khuzestan: Office) -> None:
    with pytest.raises(ValidationError):
        office_move(office=khuzestan, parent=subtree["leaf"])
    with pytest.raises(ValidationError):
        office_move(office=khuzestan, parent=khuzestan)
    assert Office.objects.get(code="ahvaz-north").path == "/ministry/dg-khuzestan/ahvaz/ahvaz-north/"
    assert not AuditEntry.objects.filter(action="office.moved").exists()


def test_moving_to_the_same_parent_changes_nothing(subtree: dict[str, Office], khuzestan: Office) -> None:
    office_move(office=subtree["unit"], parent=khuzestan)
    assert not AuditEntry.objects.filter(action="office.moved").exists()


def test_an_office_can_become_a_root(subtree: dict[str, Office]) -> None:
    office_move(office=subtree["unit"], parent=None)
    assert Office.objects.get(code="ahvaz-north").path == "/ahvaz/ahvaz-north/"
