"""What the public newsroom reads: published releases only, newest first, per office or national."""

import pytest

from ayneh.accounts.models import User
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.newsroom.selectors import published_release_get, published_releases
from ayneh.offices.models import Office
from tests.newsroom.factories import release_make


def test_only_published_releases_are_listed_newest_first(
    khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User
) -> None:
    older = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    newer = release_make(office=fars, actor=fars_editor, status=ReleaseStatus.PUBLISHED)
    for status in (
        ReleaseStatus.DRAFT,
        ReleaseStatus.IN_REVIEW,
        ReleaseStatus.CHANGES_REQUESTED,
        ReleaseStatus.WITHDRAWN,
    ):
        release_make(office=khuzestan, actor=khuzestan_editor, status=status)

    assert list(published_releases()) == [newer, older]
    assert list(published_releases(office=khuzestan)) == [older]


def test_an_office_page_includes_the_offices_below_it(
    khuzestan: Office, abadan: Office, khuzestan_editor: User
) -> None:
    county = release_make(office=abadan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    assert list(published_releases(office=khuzestan)) == [county]


@pytest.mark.parametrize("status", [ReleaseStatus.DRAFT, ReleaseStatus.IN_REVIEW, ReleaseStatus.WITHDRAWN])
def test_an_unpublished_release_cannot_be_fetched_by_its_key(
    status: str, khuzestan: Office, khuzestan_editor: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=status)
    with pytest.raises(Release.DoesNotExist):
        published_release_get(key=release.uuid)


def test_a_published_release_exposes_what_the_public_pages_need(khuzestan: Office, khuzestan_editor: User) -> None:
    release = release_make(
        office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED, tags=["اشتغال", "بیمه"]
    )
    fetched = published_release_get(key=str(release.uuid))
    assert fetched == release
    assert fetched.tag_names == ["اشتغال", "بیمه"]
    assert fetched.published_at is not None
