"""A release moves draft → in review → published (→ withdrawn), or back to its editors with a note; every
move records who, when, from, to and the note, writes one audit row, and keeps search in step."""

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom import services
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from ayneh.search.selectors import search_documents
from tests.newsroom.factories import release_make


def test_an_editor_submits_and_the_head_approves_and_publishes(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    assert release.status == ReleaseStatus.DRAFT
    assert release.published_at is None

    release = services.release_submit(release=release, actor=khuzestan_editor)
    assert release.status == ReleaseStatus.IN_REVIEW

    release = services.release_publish(release=release, actor=khuzestan_head, note="تأیید شد")
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.published_at is not None
    assert release.published_at.utcoffset().total_seconds() == 0

    history = [(t.from_status, t.to_status, t.actor, t.note) for t in release.transitions.order_by("id")]
    assert history == [
        (ReleaseStatus.DRAFT, ReleaseStatus.IN_REVIEW, khuzestan_editor, ""),
        (ReleaseStatus.IN_REVIEW, ReleaseStatus.PUBLISHED, khuzestan_head, "تأیید شد"),
    ]


def test_the_head_asks_for_changes_and_the_editor_resubmits(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)

    release = services.release_request_changes(release=release, actor=khuzestan_head, note="نام وزیر را کامل بنویسید")
    assert release.status == ReleaseStatus.CHANGES_REQUESTED
    assert release.is_editable

    release = services.release_update(
        release=release,
        actor=khuzestan_editor,
        expected_version=release.version,
        content=services.ReleaseContent(title="عنوان اصلاح‌شده", body="متن"),
    )
    release = services.release_submit(release=release, actor=khuzestan_editor)
    assert release.status == ReleaseStatus.IN_REVIEW
    assert release.transitions.filter(to_status=ReleaseStatus.CHANGES_REQUESTED).get().note == (
        "نام وزیر را کامل بنویسید"
    )


def test_every_move_writes_one_audit_row_with_its_from_and_to(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(
        office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.WITHDRAWN, reviewer=khuzestan_head
    )

    rows = AuditEntry.objects.filter(target_type="newsroom.release", target_id=str(release.pk)).order_by("id")
    assert [row.action for row in rows] == [
        "release.created",
        "release.in_review",
        "release.published",
        "release.withdrawn",
    ]
    withdrawn = rows.last()
    assert withdrawn.actor == khuzestan_head
    assert withdrawn.office == khuzestan
    assert withdrawn.data["from"] == ReleaseStatus.PUBLISHED
    assert withdrawn.data["to"] == ReleaseStatus.WITHDRAWN


def test_publishing_makes_the_release_searchable_and_withdrawing_removes_it(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(
        office=khuzestan,
        actor=khuzestan_editor,
        status=ReleaseStatus.IN_REVIEW,
        title="ویدئوکنفرانس روابط عمومی",
        body="<p>حسن نسیمی از <strong>شستا</strong> گفت</p>",
    )
    assert search_documents(query="شستا").keys == []

    services.release_publish(release=release, actor=khuzestan_head)
    assert search_documents(query="شستا").keys == [str(release.uuid)]
    assert search_documents(query="ویدئوکنفرانس", office_code="dg-khuzestan").keys == [str(release.uuid)]

    services.release_withdraw(release=release, actor=khuzestan_head, note="تکراری")
    assert search_documents(query="شستا").keys == []


def test_a_withdrawn_release_keeps_its_publication_time(
    khuzestan: Office, khuzestan_editor: User, khuzestan_head: User
) -> None:
    release = release_make(
        office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED, reviewer=khuzestan_head
    )
    published_at = release.published_at

    release = services.release_withdraw(release=release, actor=khuzestan_head, note="اشتباه")
    assert release.status == ReleaseStatus.WITHDRAWN
    assert release.published_at == published_at
