"""Coverage scenario for the monitoring pages' tests: a Khuzestan release carried by two outlets (one
crediting the office), a Fars release carried by one, an article that credits Khuzestan without carrying a
release, and an unrelated one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ayneh.accounts.models import User
from ayneh.monitoring.models import Article, Outlet, OutletTier, Pickup
from ayneh.monitoring.services import article_ingest
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make, outlet_make, sample_release_make
from tests.newsroom.factories import release_make

FARS_TITLE = "افتتاح ۳۰ تعاونی تولیدی زنان روستایی در شهرستان‌های فارس"
FARS_PARAGRAPHS = (
    "مدیرکل تعاون، کار و رفاه اجتماعی فارس روز دوشنبه در آیین افتتاح این تعاونی‌ها گفت: سی تعاونی تولیدی "
    "زنان روستایی با سرمایه اعضا و تسهیلات صندوق کارآفرینی امید در هشت شهرستان استان به بهره‌برداری رسید.",
    "وی افزود: این تعاونی‌ها در زمینه فرش دستباف، فرآوری محصولات لبنی و گیاهان دارویی فعالیت می‌کنند و "
    "برای بیش از ششصد زن روستایی شغل ایجاد کرده‌اند.",
    "به گفته وی فروش محصولات این تعاونی‌ها از طریق بازارچه‌های دائمی و فروشگاه اینترنتی استان انجام می‌شود.",
)
MENTION_TITLE = "گفت‌وگو با رئیس روابط عمومی درباره سامانه پاسخگویی"
MENTION_TEXT = (
    "به گزارش کارون به نقل از روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان، سامانه پاسخگویی "
    "به پرسش‌های مردمی از هفته آینده شبانه‌روزی فعال می‌شود. حسن نسیمی، رئیس روابط عمومی این اداره کل گفت: "
    "همه پرسش‌ها ظرف ۴۸ ساعت پاسخ داده می‌شود."
)


@dataclass
class Coverage:
    khuzestan_release: Release
    fars_release: Release
    credited: Pickup  # the Khuzestan release carried by IRNA with its credit line
    uncredited: Pickup  # carried by a provincial outlet without one
    fars_pickup: Pickup
    mention: Article
    irna: Outlet
    karoon: Outlet


def coverage_make(
    *, khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User, irna: Outlet, hostile_title: str = ""
) -> Coverage:
    karoon = outlet_make(name="کارون", tier=OutletTier.PROVINCIAL, province="خوزستان")
    release = sample_release_make(office=khuzestan, actor=khuzestan_editor)
    fars_release = release_make(
        office=fars,
        actor=fars_editor,
        status=ReleaseStatus.PUBLISHED,
        title=FARS_TITLE,
        body="".join(f"<p>{p}</p>" for p in FARS_PARAGRAPHS),
    )
    assert release.published_at
    assert fars_release.published_at
    after = release.published_at + dt.timedelta(minutes=1)
    credited = article_ingest(
        record=incoming_make(
            title=hostile_title or sample.REPUBLISHED_TITLE, text=sample.REPUBLISHED_TEXT, published=after
        ),
        outlet=irna,
    ).pickups
    plain = "\n".join(sample.RELEASE_PARAGRAPHS[:3])
    uncredited = article_ingest(
        record=incoming_make(title="طرح اشتغال روستایی خوزستان", text=plain, published=after), outlet=karoon
    ).pickups
    fars_pickups = article_ingest(
        record=incoming_make(title=FARS_TITLE, text="\n".join(FARS_PARAGRAPHS), published=after), outlet=irna
    ).pickups
    mention = article_ingest(
        record=incoming_make(title=MENTION_TITLE, text=MENTION_TEXT, published=after), outlet=karoon
    ).article
    article_ingest(
        record=incoming_make(title=sample.UNRELATED_TITLE, text=sample.UNRELATED_TEXT, published=after), outlet=irna
    )
    assert len(credited) == len(uncredited) == len(fars_pickups) == 1
    assert mention is not None
    return Coverage(
        khuzestan_release=release,
        fars_release=fars_release,
        credited=credited[0],
        uncredited=uncredited[0],
        fars_pickup=fars_pickups[0],
        mention=mention,
        irna=irna,
        karoon=karoon,
    )
