"""The user admin saves through the services (audited), the audit log admin is read-only, and the admin's
sign-in page is Ayneh's throttled one."""

from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.audit import audit_log
from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office
from ayneh.offices.roles import Role
from tests.offices.admin_forms import admin_form_data


@pytest.fixture
def admin_client_as(client: Client, administrator: User) -> Client:
    client.force_login(administrator)
    return client


def _change_user(client: Client, user: User, changes: dict[str, Any], drop: tuple[str, ...] = ()) -> Any:
    url = reverse("admin:accounts_user_change", args=[user.pk])
    data = admin_form_data(client.get(url)) | changes
    for name in drop:
        data.pop(name, None)
    return client.post(url, data)


def test_disabling_a_user_in_the_admin_is_audited(
    admin_client_as: Client, administrator: User, khuzestan_editor: User
) -> None:
    response = _change_user(admin_client_as, khuzestan_editor, {}, drop=("is_active",))
    assert response.status_code == 302
    khuzestan_editor.refresh_from_db()
    assert not khuzestan_editor.is_active
    row = AuditEntry.objects.get(action="user.disabled")
    assert (row.actor, row.target_id) == (administrator, str(khuzestan_editor.pk))
    assert row.data == {"fields": ["is_active"], "flags": {"is_active": False}}


def test_a_membership_added_on_the_user_page_is_granted_through_the_service(
    admin_client_as: Client, khuzestan_editor: User, fars: Office
) -> None:
    changes = {
        "memberships-TOTAL_FORMS": "2",
        "memberships-1-office": str(fars.pk),
        "memberships-1-role": Role.HEAD,
        "memberships-1-user": str(khuzestan_editor.pk),
    }
    response = _change_user(admin_client_as, khuzestan_editor, changes)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert khuzestan_editor.memberships.filter(office=fars, role=Role.HEAD).exists()
    assert AuditEntry.objects.get(action="membership.granted").office == fars


def test_a_membership_deleted_on_the_user_page_is_revoked_through_the_service(
    admin_client_as: Client, khuzestan_editor: User, khuzestan: Office
) -> None:
    response = _change_user(admin_client_as, khuzestan_editor, {"memberships-0-DELETE": "on"})
    assert response.status_code == 302
    assert not khuzestan_editor.memberships.exists()
    assert AuditEntry.objects.get(action="membership.revoked").office == khuzestan


def test_the_user_admin_pages_render(admin_client_as: Client, khuzestan_editor: User) -> None:
    for url in (
        reverse("admin:accounts_user_changelist"),
        reverse("admin:accounts_user_add"),
        reverse("admin:accounts_user_change", args=[khuzestan_editor.pk]),
    ):
        assert admin_client_as.get(url).status_code == 200, url


@pytest.fixture
def audit_row(db: None) -> AuditEntry:
    with transaction.atomic():
        return audit_log(action="example.changed", data={"n": 1})


def test_the_audit_log_can_be_read_in_the_admin(admin_client_as: Client, audit_row: AuditEntry) -> None:
    assert admin_client_as.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    assert admin_client_as.get(reverse("admin:core_auditentry_change", args=[audit_row.pk])).status_code == 200


def test_the_audit_log_cannot_be_added_to_changed_or_deleted_in_the_admin(
    admin_client_as: Client, audit_row: AuditEntry
) -> None:
    assert admin_client_as.get(reverse("admin:core_auditentry_add")).status_code == 403
    change = reverse("admin:core_auditentry_change", args=[audit_row.pk])
    assert admin_client_as.post(change, {"action": "tampered"}).status_code == 403
    delete = reverse("admin:core_auditentry_delete", args=[audit_row.pk])
    assert admin_client_as.post(delete, {"post": "yes"}).status_code == 403
    audit_row.refresh_from_db()
    assert audit_row.action == "example.changed"


def test_the_admin_sign_in_is_ayneh_sign_in(client: Client, db: None) -> None:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302
    assert follow["Location"] == f"{reverse('accounts:login')}?next=/admin/"


def test_a_signed_in_person_without_staff_rights_is_kept_out_of_the_admin(
    client: Client, khuzestan_editor: User
) -> None:
    client.force_login(khuzestan_editor)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert response.status_code == 200


def test_saving_a_user_page_without_changes_records_nothing(admin_client_as: Client, khuzestan_editor: User) -> None:
    assert _change_user(admin_client_as, khuzestan_editor, {}).status_code == 302
    assert not AuditEntry.objects.filter(action__startswith="user.").exists()
