"""The office and membership admin: tree order, alias search, re-parenting through the service, audited
grants and revocations, no deletion of offices."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.offices.models import Membership, Office
from ayneh.offices.roles import Role
from tests.factories import office_make, user_make
from tests.offices.admin_forms import admin_form_data


@pytest.fixture
def admin_client_as(client: Client, administrator: User) -> Client:
    client.force_login(administrator)
    return client


def _change(client: Client, office: Office, **changes: Any) -> Any:
    url = reverse("admin:offices_office_change", args=[office.pk])
    data = admin_form_data(client.get(url)) | changes
    return client.post(url, data)


def test_the_office_list_is_in_tree_order(admin_client_as: Client, khuzestan: Office, fars: Office) -> None:
    office_make(parent=khuzestan, code="ahvaz", name="واحد اهواز")
    response = admin_client_as.get(reverse("admin:offices_office_changelist"))
    codes = [office.code for office in response.context["cl"].result_list]
    assert codes == ["ministry", "dg-fars", "dg-khuzestan", "ahvaz"]
    assert "— — واحد اهواز" in response.content.decode()


def test_searching_by_alias_finds_the_office_once(admin_client_as: Client, ministry: Office) -> None:
    office_make(code="org-shasta", name="شرکت سرمایه‌گذاری تأمین اجتماعی", aliases=("شستا", "شرکت شستا"))
    response = admin_client_as.get(reverse("admin:offices_office_changelist"), {"q": "شستا"})
    assert [office.code for office in response.context["cl"].result_list] == ["org-shasta"]


def test_reparenting_in_the_admin_moves_the_subtree_and_is_audited(
    admin_client_as: Client, administrator: User, khuzestan: Office, fars: Office
) -> None:
    unit = office_make(parent=khuzestan, code="ahvaz")
    office_make(parent=unit, code="ahvaz-north")
    response = _change(admin_client_as, unit, parent=str(fars.pk))
    assert response.status_code == 302
    assert Office.objects.get(code="ahvaz-north").path == "/ministry/dg-fars/ahvaz/ahvaz-north/"
    row = AuditEntry.objects.get(action="office.updated", target_id="ahvaz")
    assert (row.actor, row.data) == (administrator, {"fields": ["parent"]})


def test_the_admin_refuses_a_parent_below_the_office(admin_client_as: Client, khuzestan: Office) -> None:
    unit = office_make(parent=khuzestan, code="ahvaz")
    response = _change(admin_client_as, khuzestan, parent=str(unit.pk))
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert Office.objects.get(code="dg-khuzestan").path == "/ministry/dg-khuzestan/"


def test_an_office_code_cannot_be_changed_in_the_admin(admin_client_as: Client, fars: Office) -> None:
    _change(admin_client_as, fars, code="dg-renamed", name="اداره کل فارس")
    fars.refresh_from_db()
    assert (fars.code, fars.name) == ("dg-fars", "اداره کل فارس")


def test_offices_cannot_be_deleted_in_the_admin(admin_client_as: Client, fars: Office) -> None:
    response = admin_client_as.post(reverse("admin:offices_office_delete", args=[fars.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Office.objects.filter(pk=fars.pk).exists()


def test_aliases_are_edited_inline(admin_client_as: Client, fars: Office) -> None:
    url = reverse("admin:offices_office_change", args=[fars.pk])
    data = admin_form_data(admin_client_as.get(url))
    data["aliases-0-text"] = "کار فارس"
    assert admin_client_as.post(url, data).status_code == 302
    assert list(fars.aliases.values_list("text", flat=True)) == ["کار فارس"]


def test_a_membership_granted_in_the_admin_is_audited(
    admin_client_as: Client, administrator: User, fars: Office
) -> None:
    user = user_make(username="shiraz_editor")
    response = admin_client_as.post(
        reverse("admin:offices_membership_add"), {"user": user.pk, "office": fars.pk, "role": Role.EDITOR}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=user, office=fars, role=Role.EDITOR).exists()
    assert AuditEntry.objects.get(action="membership.granted").actor == administrator


def test_a_membership_deleted_in_the_admin_is_audited(
    admin_client_as: Client, khuzestan_editor: User, khuzestan: Office
) -> None:
    membership = khuzestan_editor.memberships.get()
    response = admin_client_as.post(reverse("admin:offices_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not khuzestan_editor.memberships.exists()
    assert AuditEntry.objects.get(action="membership.revoked").office == khuzestan


def test_the_admin_pages_render(admin_client_as: Client, khuzestan_editor: User, khuzestan: Office) -> None:
    membership = khuzestan_editor.memberships.get()
    for url in (
        reverse("admin:offices_office_add"),
        reverse("admin:offices_office_change", args=[khuzestan.pk]),
        reverse("admin:offices_membership_changelist"),
        reverse("admin:offices_membership_change", args=[membership.pk]),
        reverse("admin:offices_office_changelist") + "?tier__exact=provincial_dg",
    ):
        assert admin_client_as.get(url).status_code == 200, url
