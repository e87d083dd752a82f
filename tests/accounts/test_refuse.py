"""A refused lookup answers 404, and the refusal is logged and audited."""

import logging
import re

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office

pytestmark = pytest.mark.urls("tests.accounts.probe_urls")


def test_another_offices_object_is_a_404_and_is_logged(
    client: Client, khuzestan_editor: User, fars: Office, caplog: pytest.LogCaptureFixture
) -> None:
    client.force_login(khuzestan_editor)
    with caplog.at_level(logging.WARNING, logger="ayneh.security"):
        response = client.get(reverse("probe-office", kwargs={"code": "dg-fars"}), REMOTE_ADDR="192.0.2.30")
    assert response.status_code == 404
    row = AuditEntry.objects.get(action="access.refused")
    assert (row.actor, row.office, row.ip_address) == (khuzestan_editor, fars, "192.0.2.30")
    assert row.data == {
        "reason": "office_scope",
        "target": "offices.office:dg-fars",
        "path": "/probe/offices/dg-fars/",
        "method": "GET",
    }
    assert any("access refused: user=khuzestan_editor reason=office_scope" in m for m in caplog.messages)


def test_a_missing_object_and_a_foreign_one_look_the_same(client: Client, khuzestan_editor: User, fars: Office) -> None:
    client.force_login(khuzestan_editor)
    foreign = client.get(reverse("probe-office", kwargs={"code": "dg-fars"}))
    missing = client.get(reverse("probe-office", kwargs={"code": "dg-nowhere"}))
    assert foreign.status_code == missing.status_code == 404
    # The page carries a sign-out form whose CSRF token is masked afresh on every response; nothing else differs.
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub(b"", foreign.content) == token.sub(b"", missing.content)


def test_an_own_office_is_not_refused(client: Client, khuzestan_editor: User) -> None:
    client.force_login(khuzestan_editor)
    assert client.get(reverse("probe-office", kwargs={"code": "dg-khuzestan"})).json() == {"office": "dg-khuzestan"}
    assert not AuditEntry.objects.filter(action="access.refused").exists()
