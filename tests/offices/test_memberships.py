"""Granting and revoking roles is audited; granting a role already held writes nothing."""

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.offices.models import Membership, Office
from ayneh.offices.roles import Role
from ayneh.offices.services import membership_grant, membership_revoke
from tests.factories import user_make


def test_granting_a_role_records_who_granted_it(administrator: User, fars: Office) -> None:
    user = user_make(username="new_editor")
    membership = membership_grant(user=user, office=fars, role=Role.EDITOR, actor=administrator)
    row = AuditEntry.objects.get(action="membership.granted")
    assert (row.actor, row.office, row.target_id) == (administrator, fars, str(membership.pk))
    assert row.data == {"user": "new_editor", "role": "editor"}


def test_granting_a_held_role_again_changes_nothing(khuzestan_editor: User, khuzestan: Office) -> None:
    membership_grant(user=khuzestan_editor, office=khuzestan, role=Role.EDITOR)
    assert Membership.objects.filter(user=khuzestan_editor).count() == 1
    assert not AuditEntry.objects.filter(action="membership.granted").exists()


def test_revoking_a_role_removes_it_and_records_it(
    administrator: User, khuzestan_editor: User, khuzestan: Office
) -> None:
    membership_revoke(membership=khuzestan_editor.memberships.get(), actor=administrator)
    assert not khuzestan_editor.memberships.exists()
    row = AuditEntry.objects.get(action="membership.revoked")
    assert (row.actor, row.office, row.data["user"], row.data["role"]) == (
        administrator,
        khuzestan,
        "khuzestan_editor",
        "editor",
    )
