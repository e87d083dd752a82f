"""Public newsroom helpers: releases taken through the real workflow (draft → review → published)."""

from collections.abc import Callable, Sequence

import pytest
from django.test import override_settings

from ayneh.accounts.models import User
from ayneh.newsroom.models import Release
from ayneh.newsroom.services import (
    ReleaseContent,
    release_create,
    release_publish,
    release_submit,
    release_withdraw,
)
from ayneh.offices.models import Office
from tests.factories import Role, user_make

SITE_URL = "https://news.example.ir"

PublishRelease = Callable[..., Release]
DraftRelease = Callable[..., Release]


@pytest.fixture(autouse=True)
def site_url() -> object:
    """Every absolute address in these tests must come from settings.SITE_URL, not the test host."""
    with override_settings(SITE_URL=SITE_URL):
        yield SITE_URL


def _head_of(office: Office) -> User:
    head = User.objects.filter(memberships__office=office, memberships__role=Role.HEAD).first()
    return head or user_make(role=Role.HEAD, office=office)


@pytest.fixture
def draft_release(db: None) -> DraftRelease:
    """`draft_release(office, title, lead=..., body=..., tags=[...])` → a draft, not yet submitted."""

    def make(office: Office, title: str, *, lead: str = "", body: str = "", tags: Sequence[str] = ()) -> Release:
        content = ReleaseContent(title=title, lead=lead, body=body, tags=tuple(tags))
        return release_create(actor=_head_of(office), office=office, content=content)

    return make


@pytest.fixture
def publish_release(draft_release: DraftRelease) -> PublishRelease:
    """`publish_release(office, title, ...)` → a release published through submit and approve."""

    def make(office: Office, title: str, **content: object) -> Release:
        release = draft_release(office, title, **content)
        head = _head_of(office)
        release = release_submit(release=release, actor=head)
        return release_publish(release=release, actor=head)

    return make


@pytest.fixture
def withdraw_release() -> Callable[[Release], Release]:
    def withdraw(release: Release) -> Release:
        return release_withdraw(release=release, actor=_head_of(release.office), note="اشتباه در متن")

    return withdraw
