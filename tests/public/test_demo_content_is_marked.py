"""Demo content (written by `ayneh demo`'s demo accounts) is marked as demo wherever a release is shown."""

import pytest

from ayneh.newsroom.services import ReleaseContent, release_create, release_publish, release_submit
from ayneh.offices.roles import Role
from tests.factories import user_make

pytestmark = pytest.mark.django_db


def _published(*, author, head, office, title):
    release = release_create(actor=author, office=office, content=ReleaseContent(title=title))
    release = release_submit(release=release, actor=author)
    return release_publish(release=release, actor=head)


def test_only_releases_by_demo_accounts_carry_the_demo_badge(client, khuzestan, khuzestan_editor, khuzestan_head):
    demo_editor = user_make(username="demo-editor", role=Role.EDITOR, office=khuzestan, is_demo=True)
    demo = _published(author=demo_editor, head=khuzestan_head, office=khuzestan, title="خبر نمایشی")
    real = _published(author=khuzestan_editor, head=khuzestan_head, office=khuzestan, title="خبر واقعی")

    front = client.get("/").content.decode()
    demo_item = front.split("خبر نمایشی")[1].split("</h2>")[0]
    real_item = front.split("خبر واقعی")[1].split("</h2>")[0]
    assert "badge-demo" in demo_item
    assert "badge-demo" not in real_item

    assert "محتوای نمایشی" in client.get(demo.get_absolute_url()).content.decode()
    assert "محتوای نمایشی" not in client.get(real.get_absolute_url()).content.decode()
