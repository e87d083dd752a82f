"""Two reviewers (or two editors) acting on the same release at the same moment, each on their own database
connection: exactly one succeeds, the other is refused, and the history records one change.

Runs on SQLite (IMMEDIATE transactions on a file database: the second writer waits for the first) and on
PostgreSQL (the second UPDATE waits on the row lock, then finds the status already changed)."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom import services
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from ayneh.search.models import SearchDocument
from tests.factories import Role, user_make
from tests.newsroom.factories import release_make

ROUNDS = 5

Move = Callable[[Release, User], Any]


def publish(release: Release, head: User) -> Any:
    return services.release_publish(release=release, actor=head)


def request_changes(release: Release, head: User) -> Any:
    return services.release_request_changes(release=release, actor=head, note="یک اصلاح")


def race(release: Release, moves: list[tuple[Move, User]]) -> list[str]:
    """Run each move in its own thread and connection, all released at once; "ok" or the error's class."""
    barrier = threading.Barrier(len(moves))
    outcomes: list[str] = []

    def act(move: Move, head: User) -> None:
        try:
            # Each reviewer loaded the page before either acted: both saw the release in review.
            seen = Release.objects.select_related("office").get(pk=release.pk)
            barrier.wait(timeout=10)
            move(seen, head)
            outcomes.append("ok")
        except (services.IllegalTransition, services.ReleaseConflict):
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=pair) for pair in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


@pytest.fixture
def two_heads(khuzestan: Office) -> tuple[User, User]:
    return (
        user_make(username="head_one", role=Role.HEAD, office=khuzestan),
        user_make(username="head_two", role=Role.HEAD, office=khuzestan),
    )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_publish_the_release_once(
    khuzestan: Office, khuzestan_editor: User, two_heads: tuple[User, User]
) -> None:
    first, second = two_heads
    for _ in range(ROUNDS):
        release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)

        assert race(release, [(publish, first), (publish, second)]) == ["ok", "refused"]

        assert release.transitions.filter(to_status=ReleaseStatus.PUBLISHED).count() == 1
        published_rows = AuditEntry.objects.filter(action="release.published", target_id=str(release.pk))
        assert published_rows.count() == 1
        assert SearchDocument.objects.filter(key=str(release.uuid)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_approval_and_a_request_for_changes_at_once_record_only_one(
    khuzestan: Office, khuzestan_editor: User, two_heads: tuple[User, User]
) -> None:
    first, second = two_heads
    for _ in range(ROUNDS):
        release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)

        assert race(release, [(publish, first), (request_changes, second)]) == ["ok", "refused"]

        release.refresh_from_db()
        moves = list(release.transitions.exclude(from_status=ReleaseStatus.DRAFT).values_list("to_status", flat=True))
        assert moves == [release.status]
        assert release.status in {ReleaseStatus.PUBLISHED, ReleaseStatus.CHANGES_REQUESTED}


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_version_keep_one_and_refuse_the_other(
    khuzestan: Office, khuzestan_editor: User, two_heads: tuple[User, User]
) -> None:
    def save_as(title: str) -> Move:
        def save(release: Release, editor: User) -> Any:
            content = services.ReleaseContent(title=title)
            return services.release_update(release=release, actor=editor, expected_version=1, content=content)

        return save

    first, second = two_heads
    for _ in range(ROUNDS):
        release = release_make(office=khuzestan, actor=khuzestan_editor)

        assert race(release, [(save_as("نسخه یک"), first), (save_as("نسخه دو"), second)]) == ["ok", "refused"]

        release.refresh_from_db()
        assert release.version == 2
        [revision] = release.revisions.filter(version=2)
        assert (revision.title, revision.created_by) == (release.title, release.updated_by)
