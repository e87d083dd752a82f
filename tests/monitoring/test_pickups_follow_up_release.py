"""Through the real ingestion path: an office's follow-up release repeats a paragraph of its earlier release;
an outlet's credited copy of the follow-up is a pickup of the follow-up only, and an article that only
credits the office (a mention) is a pickup of neither."""

import pytest

from ayneh.accounts.models import User
from ayneh.monitoring.models import Outlet, Pickup
from ayneh.monitoring.services import article_ingest
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make
from tests.newsroom.factories import release_make

pytestmark = pytest.mark.django_db

FOLLOW_UP_TITLE = "آغاز ثبت‌نام دوره‌های آموزشی طرح اشتغال روستایی"
FOLLOW_UP_PARAGRAPHS = (
    "ثبت‌نام دوره‌های آموزش مهارت ویژه اعضای تعاونی‌های روستایی خوزستان از امروز در سامانه مراکز فنی و حرفه‌ای "
    "آغاز شد و تا پایان ماه ادامه دارد.",
    "علی محمدی گفت: این دوره‌ها در رشته‌های پرورش قارچ، گلخانه، صنایع دستی و بسته‌بندی محصولات کشاورزی برگزار "
    "می‌شود و گواهی آن برای دریافت وام طرح لازم است.",
    "وی افزود: کلاس‌ها در ۱۲ شهرستان و در ساعات عصر برگزار می‌شود تا کشاورزان بتوانند پس از کار روزانه در آن شرکت کنند.",
    sample.RELEASE_PARAGRAPHS[4],  # the earlier release's closing paragraph, as background
)


def test_a_copy_of_a_follow_up_is_a_pickup_of_the_follow_up_only(
    khuzestan: Office, khuzestan_editor: User, irna: Outlet
) -> None:
    fields = {"office": khuzestan, "actor": khuzestan_editor, "status": ReleaseStatus.PUBLISHED}
    first = release_make(title=sample.RELEASE_TITLE, lead=sample.RELEASE_LEAD, body=sample.RELEASE_BODY_HTML, **fields)
    follow_up = release_make(
        title=FOLLOW_UP_TITLE, lead="", body="".join(f"<p>{p}</p>" for p in FOLLOW_UP_PARAGRAPHS), **fields
    )
    assert follow_up.published_at is not None
    copy = sample.CREDIT + "\n".join(FOLLOW_UP_PARAGRAPHS)
    mention = sample.CREDIT + sample.UNRELATED_TEXT
    when = follow_up.published_at + sample.AFTER_PUBLICATION
    for text in (copy, mention):
        article_ingest(record=incoming_make(title="", text=text, published=when), outlet=irna)

    [pickup] = Pickup.objects.all()
    assert pickup.release == follow_up
    assert pickup.release != first
    assert pickup.article.text == copy
    assert pickup.evidence["shared_shingles"] >= 20
