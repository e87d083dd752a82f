"""Moves that do not start from the release's status are refused with a clear message, and nothing is
written: no status change, no transition, no audit row, no search entry."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom import services
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from ayneh.search.selectors import search_documents
from tests.newsroom.factories import release_make

Move = Callable[[Release, User], Any]

MOVES: dict[str, Move] = {
    "submit": lambda release, head: services.release_submit(release=release, actor=head),
    "request changes": lambda release, head: services.release_request_changes(release=release, actor=head, note="x"),
    "publish": lambda release, head: services.release_publish(release=release, actor=head),
    "withdraw": lambda release, head: services.release_withdraw(release=release, actor=head, note="x"),
}

ILLEGAL = [
    (ReleaseStatus.DRAFT, "request changes"),
    (ReleaseStatus.DRAFT, "publish"),
    (ReleaseStatus.DRAFT, "withdraw"),
    (ReleaseStatus.IN_REVIEW, "submit"),
    (ReleaseStatus.IN_REVIEW, "withdraw"),
    (ReleaseStatus.CHANGES_REQUESTED, "publish"),
    (ReleaseStatus.CHANGES_REQUESTED, "withdraw"),
    (ReleaseStatus.CHANGES_REQUESTED, "request changes"),
    (ReleaseStatus.PUBLISHED, "submit"),
    (ReleaseStatus.PUBLISHED, "publish"),
    (ReleaseStatus.PUBLISHED, "request changes"),
    (ReleaseStatus.WITHDRAWN, "submit"),
    (ReleaseStatus.WITHDRAWN, "publish"),
    (ReleaseStatus.WITHDRAWN, "withdraw"),
]


@pytest.mark.parametrize(("status", "move"), ILLEGAL, ids=[f"{s}-{m}" for s, m in ILLEGAL])
def test_a_move_from_the_wrong_status_is_refused_and_writes_nothing(
    status: str, move: str, khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=status, reviewer=khuzestan_head)
    transitions, audit_rows = release.transitions.count(), AuditEntry.objects.count()
    indexed = search_documents(query=release.title).keys

    with pytest.raises(services.IllegalTransition, match="نمی‌تواند به وضعیت"):
        MOVES[move](release, khuzestan_head)

    release.refresh_from_db()
    assert release.status == status
    assert release.transitions.count() == transitions
    assert AuditEntry.objects.count() == audit_rows
    assert search_documents(query=release.title).keys == indexed


def test_a_move_based_on_a_stale_status_is_refused(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)
    seen_by_second_head = Release.objects.get(pk=release.pk)
    services.release_request_changes(release=release, actor=khuzestan_head, note="تیتر بلند است")

    with pytest.raises(services.IllegalTransition, match="در همین فاصله تغییر کرد"):
        services.release_publish(release=seen_by_second_head, actor=khuzestan_head)
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.CHANGES_REQUESTED


def test_approval_of_a_version_other_than_the_one_reviewed_is_refused(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)

    with pytest.raises(services.IllegalTransition):
        services.release_publish(release=release, actor=khuzestan_head, expected_version=release.version - 1)
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.IN_REVIEW


def test_asking_for_changes_needs_a_note(khuzestan: Office, khuzestan_editor: User, khuzestan_head: User) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.release_request_changes(release=release, actor=khuzestan_head, note="  ")
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.IN_REVIEW


def test_withdrawing_needs_a_reason(khuzestan: Office, khuzestan_editor: User, khuzestan_head: User) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    with pytest.raises(ValidationError):
        services.release_withdraw(release=release, actor=khuzestan_head, note="")
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.PUBLISHED


@pytest.mark.parametrize("status", [ReleaseStatus.IN_REVIEW, ReleaseStatus.PUBLISHED, ReleaseStatus.WITHDRAWN])
def test_text_can_change_only_in_draft_or_when_changes_are_requested(
    status: str, khuzestan: Office, khuzestan_editor: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=status)
    with pytest.raises(services.ReleaseNotEditable):
        services.release_update(
            release=release,
            actor=khuzestan_editor,
            expected_version=release.version,
            content=services.ReleaseContent(title="تغییر پنهانی"),
        )
    assert Release.objects.get(pk=release.pk).title == release.title


def test_an_editor_cannot_approve_their_own_release(khuzestan: Office, khuzestan_editor: User) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.release_publish(release=release, actor=khuzestan_editor)
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.IN_REVIEW


def test_an_illegal_move_through_the_panel_shows_an_error_and_changes_nothing(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User, client_for: Any
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)

    response = client_for(khuzestan_head).post(f"/panel/releases/{release.uuid}/publish/", follow=True)

    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Release.objects.get(pk=release.pk).status == ReleaseStatus.DRAFT
