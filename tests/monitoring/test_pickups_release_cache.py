"""The release index keeps only the latest releases' exact shingle sets in memory; a release that fell out of
that cache is read again when an article is a candidate for it, and is still found."""

import pytest

from ayneh.accounts.models import User
from ayneh.monitoring import pickups
from ayneh.monitoring.models import Outlet, Pickup
from ayneh.monitoring.services import article_ingest
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make, outlet_make
from tests.newsroom.factories import release_make

pytestmark = pytest.mark.django_db

LIBRARY_TITLE = "برگزاری هفته کتاب در کتابخانه‌های عمومی خوزستان"
LIBRARY_PARAGRAPHS = (
    "مدیرکل کتابخانه‌های عمومی استان خوزستان از برگزاری ویژه‌برنامه‌های هفته کتاب در ۴۸ کتابخانه استان خبر داد.",
    "رضا کاظمی روز دوشنبه در جمع خبرنگاران گفت: در این هفته عضویت در کتابخانه‌های عمومی برای دانش‌آموزان رایگان "
    "است و نشست‌های نقد کتاب با حضور نویسندگان استان برگزار می‌شود.",
    "وی افزود: نمایشگاه کتاب کودک و نوجوان نیز از چهارشنبه در کتابخانه مرکزی اهواز برپا می‌شود و تا پایان هفته هر "
    "روز از ساعت ۹ تا ۱۸ پذیرای بازدیدکنندگان است.",
)


def test_a_release_out_of_the_cache_is_read_again_and_found(
    khuzestan: Office, khuzestan_editor: User, irna: Outlet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pickups, "SHINGLE_CACHE", 1)
    fields = {"office": khuzestan, "actor": khuzestan_editor, "status": ReleaseStatus.PUBLISHED}
    jobs = release_make(title=sample.RELEASE_TITLE, lead=sample.RELEASE_LEAD, body=sample.RELEASE_BODY_HTML, **fields)
    library = release_make(
        title=LIBRARY_TITLE, lead="", body="".join(f"<p>{p}</p>" for p in LIBRARY_PARAGRAPHS), **fields
    )
    assert library.published_at is not None
    when = library.published_at + sample.AFTER_PUBLICATION
    copies = {jobs: "\n".join(sample.RELEASE_PARAGRAPHS), library: "\n".join(LIBRARY_PARAGRAPHS)}
    other = outlet_make(name="روزنامه خوزستان")
    for outlet in (irna, other):  # each release goes in and out of the one-release cache
        for text in copies.values():
            article_ingest(record=incoming_make(title="", text=text, published=when), outlet=outlet)

    assert sorted(Pickup.objects.values_list("release_id", flat=True)) == sorted(
        [jobs.pk, jobs.pk, library.pk, library.pk]
    )
    assert len(pickups.release_index()._shingles) == 1
