"""Scenarios 1 and 2 of issue 2 through the real panel pages: the Khuzestan editor records an event, drafts
a release about it (photo, tags, the event) and submits it; the head finds it in the review queue, asks
for a change, then approves and publishes the corrected version; the public selectors list it."""

from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom.models import Event, Release, ReleaseStatus
from ayneh.newsroom.selectors import published_releases
from ayneh.offices.models import Office
from tests.newsroom.factories import image_upload


def _follow_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_an_event_becomes_a_published_release(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User, client_for
) -> None:
    editor: Client = client_for(khuzestan_editor)
    head: Client = client_for(khuzestan_head)

    editor.post(
        reverse("newsroom:event-create"),
        {
            "office": khuzestan.pk,
            "title": "ویدئوکنفرانس با وزیر تعاون، کار و رفاه اجتماعی",
            "type": "video_conference",
            "starts_at": "۱۴۰۰/۰۳/۰۱ ۱۰:۳۰",
            "place": "اهواز",
            "participants": "حسن نسیمی\nمحمد شریعتمداری",
        },
    )
    event = Event.objects.get()

    form_page = editor.get(reverse("newsroom:release-create"), {"event": event.uuid})
    assert form_page.context["form"].initial["event"] == event
    created = editor.post(
        reverse("newsroom:release-create"),
        {
            "office": khuzestan.pk,
            "title": "برگزاری ویدئوکنفرانس روابط عمومی خوزستان با وزیر",
            "lead": "رئیس روابط عمومی اداره کل از برگزاری ویدئوکنفرانس خبر داد.",
            "body": "حسن نسیمی گفت: این نشست برگزار شد.\n\nوی افزود: گزارش عملکرد ارائه شد.",
            "tags": "روابط عمومی، ویدئوکنفرانس",
            "event": event.pk,
            "photo": image_upload("نشست.jpg", image_format="JPEG"),
        },
    )
    release = Release.objects.get()
    assert created["Location"] == release.panel_url
    assert release.body_html == "<p>حسن نسیمی گفت: این نشست برگزار شد.</p><p>وی افزود: گزارش عملکرد ارائه شد.</p>"
    assert release.tag_names == ["روابط عمومی", "ویدئوکنفرانس"]
    assert release.photo.name.endswith(".jpg")

    editor.post(reverse("newsroom:release-submit", kwargs={"key": release.uuid}), {"version": release.version})
    assert Release.objects.get().status == ReleaseStatus.IN_REVIEW

    queue = head.get(reverse("newsroom:review-queue"))
    assert list(queue.context["page"].object_list) == [release]

    asked = head.post(
        reverse("newsroom:release-request-changes", kwargs={"key": release.uuid}),
        {"changes-note": "عنوان را کوتاه‌تر کنید.", "changes-version": 1},
        follow=True,
    )
    assert _follow_messages(asked) == ["خبر برای اصلاح به نویسندگانش بازگشت."]

    edit_url = reverse("newsroom:release-edit", kwargs={"key": release.uuid})
    edit_form = editor.get(edit_url).context["form"]
    editor.post(
        edit_url,
        {
            "title": "ویدئوکنفرانس روابط عمومی خوزستان با وزیر",
            "lead": edit_form.initial["lead"],
            "body": edit_form.initial["body"],
            "tags": edit_form.initial["tags"],
            "event": event.pk,
            "version": edit_form.initial["version"],
        },
    )
    editor.post(reverse("newsroom:release-submit", kwargs={"key": release.uuid}), {"version": 2})

    published = head.post(
        reverse("newsroom:release-publish", kwargs={"key": release.uuid}), {"publish-version": 2}, follow=True
    )
    assert _follow_messages(published) == ["خبر تأیید و منتشر شد."]

    release = Release.objects.get()
    assert (release.status, release.title, release.version) == (
        ReleaseStatus.PUBLISHED,
        "ویدئوکنفرانس روابط عمومی خوزستان با وزیر",
        2,
    )
    assert list(published_releases(office=khuzestan)) == [release]
    history = [(t.from_status, t.to_status, t.actor) for t in release.transitions.all()]
    assert history == [
        (ReleaseStatus.DRAFT, ReleaseStatus.IN_REVIEW, khuzestan_editor),
        (ReleaseStatus.IN_REVIEW, ReleaseStatus.CHANGES_REQUESTED, khuzestan_head),
        (ReleaseStatus.CHANGES_REQUESTED, ReleaseStatus.IN_REVIEW, khuzestan_editor),
        (ReleaseStatus.IN_REVIEW, ReleaseStatus.PUBLISHED, khuzestan_head),
    ]
    detail = head.get(release.panel_url).content.decode()
    assert "عنوان را کوتاه‌تر کنید." in detail  # the note shows in the review history timeline
