"""The access matrix: role × office × object × action, each case asserted through the real panel views.

Roles are the shared personas (tests/conftest.py): the Khuzestan editor and head, the ministry's evaluator
and manager (their role on the ministry covers every office below it), an editor of another province
(Fars), the administrator (superuser) and an anonymous visitor. Offices are seen from Khuzestan, the
office the issue's scenarios follow: "own" is Khuzestan's directorate, "child" an office below it
(Abadan), "other" another province (Fars).

Outcomes:
- allowed: the page renders, or the action happens (the state changes) and the user is sent back;
- refused: 404 with no hint that the object exists, one "access.refused" audit row, nothing changes;
- workflow: the role allows it but the object's status does not (editing or approving a published
  release) — sent back to the release with a message, no refusal logged, nothing changes;
- login: anonymous visitors are sent to the login page, nothing changes. They see published releases
  only on the public newsroom (last test).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom.models import Event, Release, ReleaseStatus
from ayneh.newsroom.selectors import published_release_get, published_releases
from ayneh.offices.models import Office, Tier
from tests.factories import Role, office_make, user_make
from tests.newsroom.factories import SEED_EVENT_TIME, event_make, release_make


class Do(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    WITHDRAW = "withdraw"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    WORKFLOW = "workflow"
    LOGIN = "login"


EVERYTHING = frozenset(Do)
NOTHING: frozenset[Do] = frozenset()
WRITE = frozenset({Do.VIEW, Do.EDIT, Do.SUBMIT})
READ = frozenset({Do.VIEW})

# What each role may do in each office — written out, not derived from the code under test.
RIGHTS: dict[str, dict[str, frozenset[Do]]] = {
    "editor": {"own": WRITE, "child": WRITE, "other": NOTHING},
    "head": {"own": EVERYTHING, "child": EVERYTHING, "other": NOTHING},
    "evaluator": {"own": READ, "child": READ, "other": READ},
    "manager": {"own": READ, "child": READ, "other": READ},
    "other_province_editor": {"own": NOTHING, "child": NOTHING, "other": WRITE},
    "superuser": {"own": EVERYTHING, "child": EVERYTHING, "other": EVERYTHING},
    "anonymous": {"own": NOTHING, "child": NOTHING, "other": NOTHING},
}
PERSONAS = {
    "editor": "khuzestan_editor",
    "head": "khuzestan_head",
    "evaluator": "ministry_evaluator",
    "manager": "ministry_manager",
    "other_province_editor": "fars_editor",
    "superuser": "administrator",
}
OBJECT_ACTIONS: dict[str, tuple[Do, ...]] = {
    "draft release": (Do.VIEW, Do.EDIT, Do.SUBMIT, Do.APPROVE, Do.WITHDRAW),
    "published release": (Do.VIEW, Do.EDIT, Do.SUBMIT, Do.APPROVE, Do.WITHDRAW),
    "event": (Do.VIEW, Do.EDIT),
}
# Which moves a status permits; a permitted role asking for another move meets the workflow, not a refusal.
WORKFLOW_ALLOWS: dict[str, frozenset[Do]] = {
    "draft release": frozenset({Do.VIEW, Do.EDIT, Do.SUBMIT, Do.APPROVE}),  # approve: once in review
    "published release": frozenset({Do.VIEW, Do.WITHDRAW}),
    "event": frozenset({Do.VIEW, Do.EDIT}),
}


def expected(role: str, office: str, obj: str, action: Do) -> Outcome:
    if role == "anonymous":
        return Outcome.LOGIN
    if action not in RIGHTS[role][office]:
        return Outcome.REFUSED
    if action not in WORKFLOW_ALLOWS[obj]:
        return Outcome.WORKFLOW
    return Outcome.ALLOWED


CASES = [
    (role, office, obj, action)
    for role in RIGHTS
    for office in ("own", "child", "other")
    for obj, actions in OBJECT_ACTIONS.items()
    for action in actions
]


@dataclass
class Target:
    """The object a case acts on, how to act on it, and how to tell whether the action happened."""

    obj: Release | Event
    request: Callable[[Client], HttpResponse]
    changed: Callable[[], bool]
    home: str


NEW_TITLE = "عنوانی که نباید بی‌اجازه ثبت شود"


def _release_target(release: Release, action: Do) -> Target:
    key = {"key": release.uuid}
    before = (release.status, release.title)

    def now() -> tuple[str, str]:
        fresh = Release.objects.get(pk=release.pk)
        return fresh.status, fresh.title

    requests: dict[Do, Callable[[Client], HttpResponse]] = {
        Do.VIEW: lambda c: c.get(reverse("newsroom:release-detail", kwargs=key)),
        Do.EDIT: lambda c: c.post(
            reverse("newsroom:release-edit", kwargs=key), {"title": NEW_TITLE, "version": release.version}
        ),
        Do.SUBMIT: lambda c: c.post(reverse("newsroom:release-submit", kwargs=key), {"version": release.version}),
        Do.APPROVE: lambda c: c.post(
            reverse("newsroom:release-publish", kwargs=key), {"publish-version": release.version}
        ),
        Do.WITHDRAW: lambda c: c.post(reverse("newsroom:release-withdraw", kwargs=key), {"withdraw-note": "خطا"}),
    }
    return Target(release, requests[action], lambda: now() != before, release.panel_url)


def _event_target(event: Event, action: Do) -> Target:
    key = {"key": event.uuid}
    form = {"title": NEW_TITLE, "type": event.type, "starts_at": "1400/03/01 10:30"}
    requests: dict[Do, Callable[[Client], HttpResponse]] = {
        Do.VIEW: lambda c: c.get(reverse("newsroom:event-detail", kwargs=key)),
        Do.EDIT: lambda c: c.post(reverse("newsroom:event-edit", kwargs=key), form),
    }
    return Target(
        event, requests[action], lambda: Event.objects.get(pk=event.pk).title == NEW_TITLE, event.get_absolute_url()
    )


def _make_target(office: Office, obj: str, action: Do) -> Target:
    """Made by the office's own staff (not by the persona under test), in the status the action starts from."""
    author = user_make(role=Role.EDITOR, office=office)
    reviewer = user_make(role=Role.HEAD, office=office)
    if obj == "event":
        return _event_target(event_make(office=office, actor=author, starts_at=SEED_EVENT_TIME), action)
    if obj == "published release":
        status = ReleaseStatus.PUBLISHED
    else:
        status = ReleaseStatus.IN_REVIEW if action == Do.APPROVE else ReleaseStatus.DRAFT
    return _release_target(release_make(office=office, actor=author, status=status, reviewer=reviewer), action)


@pytest.fixture
def offices(khuzestan: Office, fars: Office) -> dict[str, Office]:
    abadan = office_make(code="abadan", tier=Tier.HQ_UNIT, parent=khuzestan, province="خوزستان")
    return {"own": khuzestan, "child": abadan, "other": fars}


def _client(request: pytest.FixtureRequest, role: str) -> tuple[Client, Any]:
    if role == "anonymous":
        return Client(), None
    user = request.getfixturevalue(PERSONAS[role])
    client = Client()
    client.force_login(user)
    return client, user


@pytest.mark.parametrize(("role", "office", "obj", "action"), CASES, ids=["-".join(map(str, c)) for c in CASES])
def test_access_matrix(
    role: str, office: str, obj: str, action: Do, offices: dict[str, Office], request: pytest.FixtureRequest
) -> None:
    client, user = _client(request, role)
    target = _make_target(offices[office], obj, action)
    refusals_before = AuditEntry.objects.filter(action="access.refused").count()

    response = target.request(client)

    refusals = AuditEntry.objects.filter(action="access.refused").count() - refusals_before
    outcome = expected(role, office, obj, action)
    if outcome == Outcome.ALLOWED:
        if action == Do.VIEW:
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert response["Location"] == target.home
            assert target.changed()
        assert refusals == 0
    elif outcome == Outcome.REFUSED:
        assert response.status_code == 404
        assert NEW_TITLE not in response.content.decode()
        assert not target.changed()
        refusal = AuditEntry.objects.filter(action="access.refused").latest("id")
        assert (refusals, refusal.actor) == (1, user)
        assert refusal.office == offices[office]
    elif outcome == Outcome.WORKFLOW:
        assert response.status_code == 302
        assert response["Location"] == target.home
        assert not target.changed()
        assert refusals == 0
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))
        assert not target.changed()


def test_the_matrix_covers_every_role_office_object_and_action() -> None:
    assert len(CASES) == len(RIGHTS) * 3 * sum(len(actions) for actions in OBJECT_ACTIONS.values())
    assert {expected(*case) for case in CASES} == set(Outcome)


def test_anonymous_visitors_see_only_published_releases(khuzestan: Office, khuzestan_editor: User) -> None:
    published = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    hidden = [
        release_make(office=khuzestan, actor=khuzestan_editor, status=status)
        for status in (ReleaseStatus.DRAFT, ReleaseStatus.IN_REVIEW, ReleaseStatus.WITHDRAWN)
    ]

    assert list(published_releases()) == [published]
    visitor = Client()
    assert visitor.get(reverse("public:release", kwargs={"key": published.uuid})).status_code == 200
    for release in hidden:
        with pytest.raises(Release.DoesNotExist):
            published_release_get(key=release.uuid)
        assert visitor.get(reverse("public:release", kwargs={"key": release.uuid})).status_code == 404
        assert release.title not in visitor.get(reverse("public:front")).content.decode()
