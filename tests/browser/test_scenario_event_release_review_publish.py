"""Scenarios 1–3 of issue 2, through the real pages: an editor records an event and drafts a release about it,
the head asks for a change and then publishes it, and the public newsroom, feeds and search show it."""

import json
from pathlib import Path

import feedparser
import pytest
from PIL import Image

from ayneh.core.models import AuditEntry
from ayneh.newsroom.models import Release, ReleaseStatus
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "برگزاری نشست ویدئوکنفرانس روز ملی ارتباطات در اهواز"


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 360), (30, 90, 110)).save(path, "JPEG")
    return path


def test_editor_drafts_head_reviews_and_the_public_newsroom_shows_it(
    page, second_page, khuzestan_editor, khuzestan_head, photo
):
    editor, head = page, second_page

    # 1. The editor records the event, with a Jalali date and time.
    sign_in(editor, khuzestan_editor, PASSWORD)
    editor.goto(editor.base_url + "/panel/events/new/")
    editor.fill("input[name=title]", "ویدئوکنفرانس وزیر با روسای روابط عمومی")
    editor.select_option("select[name=type]", "video_conference")
    editor.fill("input[name=starts_at]", "۱۴۰۵/۰۹/۰۱ ۱۰:۳۰")
    editor.fill("input[name=place]", "اهواز، سالن جلسات اداره کل")
    editor.fill("textarea[name=participants]", "مدیرکل\nرئیس روابط عمومی")
    editor.click("main form button[type=submit]")
    editor.wait_for_load_state()
    assert "۱ آذر ۱۴۰۵" in editor.content()

    # ... drafts the release about it, with formatting, a photo and tags, and submits it.
    editor.goto(editor.base_url + "/panel/releases/new/")
    editor.fill("input[name=title]", TITLE)
    editor.fill("textarea[name=lead]", "رئیس روابط عمومی از نقش اطلاع‌رسانی به‌موقع گفت.")
    editor.fill(
        "textarea[name=body]",
        "<p>وی گفت: <strong>اطلاع‌رسانی درست</strong> مهم است.</p><script>alert(1)</script>",
    )
    editor.set_input_files("input[name=photo]", str(photo))
    editor.fill("input[name=tags]", "روابط عمومی، ویدئوکنفرانس")
    editor.select_option("select[name=event]", index=1)
    editor.click("main form button[type=submit]")
    editor.wait_for_load_state()
    release = Release.objects.get(title=TITLE)
    assert release.status == ReleaseStatus.DRAFT
    assert "<script>" not in release.body_html
    assert release.event is not None
    assert release.photo
    editor.click("form[action$='/submit/'] button")
    editor.wait_for_load_state()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.IN_REVIEW

    # 2. The head finds it in the review queue and asks for a change.
    sign_in(head, khuzestan_head, PASSWORD)
    head.goto(head.base_url + "/panel/review/")
    assert TITLE in head.content()
    screenshot(head, "review-queue")
    head.click(f"main a:has-text('{TITLE}')")
    head.wait_for_load_state()
    assert head.url.endswith(f"/panel/releases/{release.uuid}/"), head.url
    head.fill("form[action$='/request-changes/'] textarea[name$=note]", "نام شهر را در عنوان بیاورید.")
    head.click("form[action$='/request-changes/'] button")
    head.wait_for_load_state()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.CHANGES_REQUESTED

    # The editor edits and resubmits; the head approves and publishes.
    editor.goto(editor.base_url + f"/panel/releases/{release.uuid}/edit/")
    editor.fill("input[name=title]", TITLE + " (خوزستان)")
    editor.click("main form button[type=submit]")
    editor.wait_for_load_state()
    editor.click("form[action$='/submit/'] button")
    editor.wait_for_load_state()
    head.goto(head.base_url + f"/panel/releases/{release.uuid}/")
    head.click("form[action$='/publish/'] button")
    head.wait_for_load_state()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    # Every transition is recorded: who, from, to, note.
    moves = list(release.transitions.order_by("id").values_list("from_status", "to_status", "actor__username"))
    assert moves == [
        ("draft", "in_review", "khuzestan_editor"),
        ("in_review", "changes_requested", "khuzestan_head"),
        ("changes_requested", "in_review", "khuzestan_editor"),
        ("in_review", "published", "khuzestan_head"),
    ]
    assert AuditEntry.objects.filter(
        action__startswith="release.", target_id__in=[str(release.uuid), str(release.pk)]
    ).exists()
    assert "نام شهر را در عنوان بیاورید." in head.content()

    # 3. The public newsroom: front page, office page, release page, feeds and search (anonymous visitor).
    public = head.context.browser.new_context(locale="fa-IR").new_page()
    public.goto(page.base_url + "/")
    assert release.title in public.content()
    screenshot(public, "newsroom-front")
    public.goto(page.base_url + f"/office/{release.office.code}/")
    assert release.title in public.content()
    public.goto(page.base_url + f"/release/{release.uuid}/")
    assert public.locator("meta[property='og:title']").get_attribute("content") == release.title
    assert public.locator("h1").inner_text() == release.title
    assert public.locator("html").get_attribute("dir") == "rtl"
    screenshot(public, "release-page")

    for path in ("/feeds/rss.xml", "/feeds/atom.xml", f"/office/{release.office.code}/feeds/rss.xml"):
        feed = feedparser.parse(public.request.get(page.base_url + path).body())
        assert not feed.bozo, path
        assert [entry.title for entry in feed.entries] == [release.title], path
    items = json.loads(public.request.get(page.base_url + "/feeds/feed.json").body())["items"]
    assert [item["title"] for item in items] == [release.title]

    # Search works with the Arabic-letter, no-ZWNJ spelling a user may type.
    public.goto(page.base_url + "/search/?q=" + "ويدئوكنفرانس")
    assert release.title in public.content()
