"""The shared personas hold the roles their names promise (other test suites build on them)."""

import pytest

from ayneh.accounts.models import User
from ayneh.offices.models import Office
from ayneh.offices.roles import Role
from tests.factories import PASSWORD, office_make, user_make


def test_khuzestan_editor_is_an_editor_of_khuzestan(khuzestan_editor: User, khuzestan: Office) -> None:
    membership = khuzestan_editor.memberships.get()
    assert (membership.office, membership.role) == (khuzestan, Role.EDITOR)
    assert khuzestan_editor.check_password(PASSWORD)


def test_provincial_offices_hang_below_the_ministry(khuzestan: Office, fars: Office, ministry: Office) -> None:
    assert khuzestan.path == "/ministry/dg-khuzestan/"
    assert fars.parent == ministry


def test_user_make_refuses_a_role_without_an_office(db: None) -> None:
    with pytest.raises(ValueError, match="both role and office"):
        user_make(role=Role.EDITOR)


def test_office_make_gives_unique_codes_and_keeps_aliases(db: None) -> None:
    first = office_make(aliases=("یک", "دو"))
    second = office_make()
    assert first.code != second.code
    assert sorted(first.aliases.values_list("text", flat=True)) == ["دو", "یک"]
