"""Demo monitoring data for `ayneh demo`: outlets of every tier, and articles written for the demo that
carry the demo releases with the edits outlets really make (a new headline, a rewritten lead, a dropped
paragraph, a credit line added or left out), a few that credit an office without carrying a release,
some quoting people, and a few unrelated ones.

Articles go through the real pipeline (`services.chunk_prepare` and `services.chunk_store`): analysis,
deduplication, version groups and the real pickup matcher, so the pickups the demo shows are the ones the
matcher found. Everything is flagged `is_demo` and marked as demo in the interface. Running it again
changes nothing (articles are stored once by address; outlets are looked up by name).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.monitoring import services
from ayneh.monitoring.models import Article, Outlet, OutletTier, Pickup, PickupStatus
from ayneh.monitoring.prepare import IncomingArticle
from ayneh.newsroom.models import Release, ReleaseStatus

KHUZESTAN_CREDIT = "به نقل از روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"
FARS_CREDIT = "به نقل از روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان فارس"


@dataclass(frozen=True)
class DemoOutlet:
    name: str
    tier: str
    province: str
    slug: str  # for the demo articles' addresses


DEMO_OUTLETS = (
    DemoOutlet("خبرگزاری پیام کار (نمایشی)", OutletTier.NEWS_AGENCY, "", "payamekar"),
    DemoOutlet("خبرگزاری آینه‌نما (نمایشی)", OutletTier.NEWS_AGENCY, "", "ayenehnama"),
    DemoOutlet("روزنامه سپیده ملی (نمایشی)", OutletTier.NATIONAL, "", "sepideh"),
    DemoOutlet("کارون نیوز (نمایشی)", OutletTier.PROVINCIAL, "خوزستان", "karoon"),
    DemoOutlet("صدای اهواز (نمایشی)", OutletTier.PROVINCIAL, "خوزستان", "sedayeahvaz"),
    DemoOutlet("پارس‌نگار (نمایشی)", OutletTier.PROVINCIAL, "فارس", "parsnegar"),
    DemoOutlet("دزفول امروز (نمایشی)", OutletTier.LOCAL, "خوزستان", "dezfulemrooz"),
    DemoOutlet("شیراز بیدار (نمایشی)", OutletTier.LOCAL, "فارس", "shirazbidar"),
)


@dataclass(frozen=True)
class DemoArticle:
    outlet: str  # slug of a DemoOutlet
    number: int
    title: str
    text: str
    # When it appeared: (title of the demo release it follows, minutes after that release was published), or
    # (None, days before now) for an article about no demo release.
    after: tuple[str | None, int]


VIDEOCONF = "روز ملی ارتباطات و روابط عمومی با ویدئوکنفرانس وزیر گرامی داشته شد"
COUNCIL = "نشست شورای هماهنگی روابط عمومی دستگاه‌های زیرمجموعه در اهواز برگزار شد"
FARS_LOANS = "۱۲۰ طرح اشتغال روستایی در فارس تسهیلات گرفت"

DEMO_ARTICLES = (
    # --- the video conference release, carried four ways --------------------------------------------------
    DemoArticle(
        "payamekar",
        101,
        "تأکید بر اطلاع‌رسانی به‌موقع در نشست وزیر با روسای روابط عمومی",
        f"به گزارش خبرگزاری پیام کار {KHUZESTAN_CREDIT}، رئیس روابط عمومی اداره کل تعاون، کار و رفاه "
        "اجتماعی خوزستان در نشست ویدئوکنفرانس وزیر با روسای روابط عمومی سراسر کشور از نقش روابط عمومی در "
        "اطلاع‌رسانی به‌موقع سخن گفت.\n"
        "نشست ویدئوکنفرانس وزیر تعاون، کار و رفاه اجتماعی با مدیران کل و روسای روابط عمومی ادارات کل سراسر "
        "کشور برگزار شد.\n"
        "رئیس روابط عمومی این اداره کل در این نشست گفت: اطلاع‌رسانی به‌موقع و درست از مشخصه‌های روابط عمومی "
        "در عصر ارتباطات است.\n"
        "وی افزود: روابط عمومی با برنامه‌ریزی سنجیده، تعامل مدیران و کارکنان را گسترش می‌دهد.",
        (VIDEOCONF, 35),
    ),
    DemoArticle(
        "karoon",
        102,
        "روابط عمومی خوزستان در نشست سراسری: خبر درست باید زود برسد",
        f"به گزارش کارون نیوز {KHUZESTAN_CREDIT}، مریم احمدی رئیس روابط عمومی این اداره کل روز گذشته در "
        "نشستی که به مناسبت روز ملی ارتباطات برگزار شد، اطلاع‌رسانی سریع را وظیفه اصلی روابط عمومی‌ها دانست.\n"
        "نشست ویدئوکنفرانس وزیر تعاون، کار و رفاه اجتماعی با مدیران کل و روسای روابط عمومی ادارات کل سراسر "
        "کشور برگزار شد.\n"
        "مریم احمدی در این نشست گفت: اطلاع‌رسانی به‌موقع و درست از مشخصه‌های روابط عمومی در عصر ارتباطات است.",
        (VIDEOCONF, 80),
    ),
    DemoArticle(
        "sepideh",
        103,
        "روز ملی ارتباطات؛ وزیر با روسای روابط عمومی گفت‌وگو کرد",
        "رئیس روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی خوزستان در نشست ویدئوکنفرانس وزیر با روسای "
        "روابط عمومی همه استان‌ها از نقش روابط عمومی در اطلاع‌رسانی به‌موقع سخن گفت.\n"
        "نشست ویدئوکنفرانس وزیر تعاون، کار و رفاه اجتماعی با مدیران کل و روسای روابط عمومی ادارات کل سراسر "
        "کشور برگزار شد.\n"
        "رئیس روابط عمومی این اداره کل در این نشست گفت: اطلاع‌رسانی به‌موقع و درست از ویژگی‌های روابط عمومی "
        "در عصر ارتباطات است.\n"
        "وی افزود: روابط عمومی با برنامه‌ریزی سنجیده، تعامل مدیران و کارکنان را گسترش می‌دهد.",
        (VIDEOCONF, 150),
    ),
    DemoArticle(
        "dezfulemrooz",
        104,
        "روز ملی ارتباطات و روابط عمومی با ویدئوکنفرانس وزیر گرامی داشته شد",
        f"به گزارش دزفول امروز {KHUZESTAN_CREDIT}، رئیس روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی "
        "خوزستان در نشست ویدئوکنفرانس وزیر با روسای روابط عمومی سراسر کشور از نقش روابط عمومی در "
        "اطلاع‌رسانی به‌موقع سخن گفت.\n"
        "نشست ویدئوکنفرانس وزیر تعاون، کار و رفاه اجتماعی با مدیران کل و روسای روابط عمومی ادارات کل سراسر "
        "کشور برگزار شد.\n"
        "رئیس روابط عمومی این اداره کل در این نشست گفت: اطلاع‌رسانی به‌موقع و درست از مشخصه‌های روابط عمومی "
        "در عصر ارتباطات است.\n"
        "وی افزود: روابط عمومی با برنامه‌ریزی سنجیده، تعامل مدیران و کارکنان را گسترش می‌دهد.",
        (VIDEOCONF, 190),
    ),
    # --- the coordination council release -------------------------------------------------------------------
    DemoArticle(
        "sedayeahvaz",
        201,
        "برنامه سه ماهه اطلاع‌رسانی دستگاه‌های تعاون و کار در اهواز بررسی شد",
        f"به گزارش صدای اهواز {KHUZESTAN_CREDIT}، روسای روابط عمومی دستگاه‌های زیرمجموعه وزارت در استان "
        "برنامه اطلاع‌رسانی سه ماه آینده را بررسی کردند.\n"
        "در این نشست برنامه مشترک اطلاع‌رسانی طرح‌های اشتغال و بیمه روستاییان بررسی شد.\n"
        "تهیه گزارش ماهانه پوشش خبری و پاسخ به‌موقع به پرسش‌های رسانه‌ها از مصوبات این نشست بود.",
        (COUNCIL, 60),
    ),
    DemoArticle(
        "ayenehnama",
        202,
        "هماهنگی روابط عمومی‌های خوزستان برای اطلاع‌رسانی طرح‌های اشتغال",
        "روسای روابط عمومی دستگاه‌های زیرمجموعه وزارت در استان برنامه اطلاع‌رسانی سه ماه آینده را بررسی کردند.\n"
        "در این نشست برنامه مشترک اطلاع‌رسانی طرح‌های اشتغال و بیمه روستاییان بررسی شد.\n"
        "تهیه گزارش ماهانه پوشش خبری\n"
        "پاسخ به‌موقع به پرسش‌های رسانه‌ها",
        (COUNCIL, 140),
    ),
    # --- the Fars loans release -----------------------------------------------------------------------------
    DemoArticle(
        "parsnegar",
        301,
        "تسهیلات اشتغال روستایی به ۱۲۰ طرح در فارس رسید",
        f"به گزارش پارس‌نگار {FARS_CREDIT}، اداره کل تعاون، کار و رفاه اجتماعی فارس از پرداخت تسهیلات به "
        "۱۲۰ طرح اشتغال روستایی خبر داد.\n"
        "این طرح‌ها در ۱۸ شهرستان استان فارس اجرا می‌شوند و برای ۴۵۰ نفر شغل ایجاد می‌کنند.\n"
        "فاطمه نوروزی، معاون توسعه کارآفرینی و اشتغال این اداره کل گفت: اولویت پرداخت با طرح‌هایی بود که "
        "زنان سرپرست خانوار و جوانان روستایی اجرا می‌کنند.",
        (FARS_LOANS, 45),
    ),
    DemoArticle(
        "shirazbidar",
        302,
        "۴۵۰ شغل روستایی در راه است",
        "مسئولان استان از پرداخت وام به ۱۲۰ طرح اشتغال در روستاهای فارس خبر دادند.\n"
        "این طرح‌ها در ۱۸ شهرستان استان فارس اجرا می‌شوند و برای ۴۵۰ نفر شغل ایجاد می‌کنند.",
        (FARS_LOANS, 120),
    ),
    DemoArticle(
        "payamekar",
        303,
        "پرداخت تسهیلات به ۱۲۰ طرح اشتغال روستایی فارس",
        f"به گزارش خبرگزاری پیام کار {FARS_CREDIT}، اداره کل تعاون، کار و رفاه اجتماعی فارس از پرداخت "
        "تسهیلات به ۱۲۰ طرح اشتغال روستایی خبر داد.\n"
        "این طرح‌ها در ۱۸ شهرستان استان فارس اجرا می‌شوند و برای ۴۵۰ نفر شغل ایجاد می‌کنند.\n"
        "فاطمه نوروزی، معاون توسعه کارآفرینی و اشتغال این اداره کل افزود: نظارت بر اجرای طرح‌ها تا پایان "
        "سال ادامه دارد.",
        (FARS_LOANS, 170),
    ),
    # --- coverage that credits an office without carrying any release ---------------------------------------
    DemoArticle(
        "karoon",
        401,
        "جشنواره تعاونی‌های برتر خوزستان برگزیدگان خود را شناخت",
        f"به گزارش کارون نیوز {KHUZESTAN_CREDIT}، در جشنواره امسال تعاونی‌های برتر استان از ۱۴ تعاونی "
        "تولیدی و خدماتی قدردانی شد.\n"
        "رضا طاهری، مدیرکل تعاون، کار و رفاه اجتماعی خوزستان در این آیین گفت: تعاونی‌ها سهم مهمی در "
        "اشتغال پایدار استان دارند و حمایت از آن‌ها ادامه می‌یابد.\n"
        "وی افزود: سال آینده سهم تعاونی‌های زنان در جشنواره بیشتر می‌شود.",
        (None, 25),
    ),
    DemoArticle(
        "sedayeahvaz",
        402,
        "بیمه رایگان برای قالی‌بافان روستایی خوزستان",
        f"به گزارش صدای اهواز {KHUZESTAN_CREDIT}، بیمه قالی‌بافان روستایی استان از ماه آینده با سهم "
        "بیشتر دولت تمدید می‌شود.\n"
        "رضا طاهری، مدیرکل تعاون، کار و رفاه اجتماعی خوزستان گفت: بیش از دو هزار قالی‌باف روستایی از این "
        "طرح بهره‌مند می‌شوند.",
        (None, 58),
    ),
    DemoArticle(
        "dezfulemrooz",
        403,
        "آموزش مهارت به مددجویان بهزیستی در دزفول",
        f"به گزارش دزفول امروز {KHUZESTAN_CREDIT}، دوره‌های آموزش مهارت ویژه مددجویان در شهرستان دزفول "
        "آغاز شد.\n"
        "مریم احمدی، رئیس روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی خوزستان گفت: برنامه این دوره‌ها "
        "در پایگاه اطلاع‌رسانی اداره کل منتشر شده است.",
        (None, 96),
    ),
    DemoArticle(
        "sepideh",
        404,
        "بازدید از کارگاه‌های مشاغل خانگی شوشتر",
        f"به گزارش روزنامه سپیده ملی {KHUZESTAN_CREDIT}، مدیرکل تعاون، کار و رفاه اجتماعی خوزستان از "
        "کارگاه‌های مشاغل خانگی شوشتر بازدید کرد.\n"
        "رضا طاهری در این بازدید گفت: بازارچه دائمی مشاغل خانگی تا پایان سال در اهواز راه‌اندازی می‌شود.",
        (None, 150),
    ),
    DemoArticle(
        "parsnegar",
        405,
        "نمایشگاه صنایع دستی تعاونی‌های فارس در شیراز گشایش یافت",
        f"به گزارش پارس‌نگار {FARS_CREDIT}، نمایشگاه صنایع دستی تعاونی‌های استان با حضور ۶۰ تعاونی در "
        "شیراز گشایش یافت.\n"
        "فاطمه نوروزی، معاون توسعه کارآفرینی و اشتغال اداره کل تعاون، کار و رفاه اجتماعی فارس گفت: فروش "
        "مستقیم تولیدکنندگان به مردم هدف اصلی این نمایشگاه است.",
        (None, 40),
    ),
    # --- unrelated news ---------------------------------------------------------------------------------------
    DemoArticle(
        "ayenehnama",
        501,
        "پیش‌بینی بارش باران در نیمه غربی کشور",
        "کارشناسان هواشناسی از ورود سامانه بارشی تازه به نیمه غربی کشور از اواخر هفته خبر دادند.\n"
        "به گفته آنان بارش‌ها در استان‌های زاگرس‌نشین شدیدتر خواهد بود و رانندگان باید احتیاط کنند.",
        (None, 2),
    ),
    DemoArticle(
        "karoon",
        502,
        "تیم فوتبال جوانان اهواز به مرحله نهایی رسید",
        "تیم فوتبال جوانان اهواز با پیروزی در دیدار نیمه‌نهایی به مرحله پایانی مسابقات کشوری راه یافت.\n"
        "سرمربی این تیم گفت: بازیکنان برای قهرمانی آماده‌اند و از حمایت هواداران سپاسگزاریم.",
        (None, 5),
    ),
    DemoArticle(
        "shirazbidar",
        503,
        "افزایش گردشگران نوروزی در تخت جمشید",
        "شمار بازدیدکنندگان تخت جمشید در تعطیلات امسال نسبت به سال گذشته افزایش یافت.\n"
        "مدیر پایگاه میراث جهانی تخت جمشید گفت: بیشتر گردشگران از استان‌های همجوار آمده بودند.",
        (None, 70),
    ),
)

# The demo head's decision, so the pickups page shows one decided pickup (outlet slug, article number).
CONFIRMED_BY_HEAD = ("payamekar", 101)


def _outlets_ensure() -> dict[str, Outlet]:
    outlets: dict[str, Outlet] = {}
    for item in DEMO_OUTLETS:
        outlet = Outlet.objects.filter(name=item.name).first()
        if outlet is None:
            outlet = services.outlet_create(
                name=item.name,
                tier=item.tier,
                province=item.province,
                site=f"https://{item.slug}.example.ir/",
                # «به گزارش X» in the demo articles names the outlet without «(نمایشی)».
                aliases=[item.name.removesuffix(" (نمایشی)")],
                is_demo=True,
            )
        outlets[item.slug] = outlet
    return outlets


def _address(item: DemoArticle) -> str:
    return f"https://{item.outlet}.example.ir/news/{item.number}"


def _published(item: DemoArticle, releases: dict[str, Release], now: dt.datetime) -> dt.datetime | None:
    title, amount = item.after
    if title is None:
        return now - dt.timedelta(days=amount, hours=item.number % 7)
    release = releases.get(title)
    if release is None or release.published_at is None:
        return None  # its release is not in this database: the article would be about nothing
    # Never in the future: right after `ayneh demo` publishes the releases, their coverage is "now".
    return min(release.published_at + dt.timedelta(minutes=amount), now)


def monitoring_demo_ensure(*, users: dict[str, User] | None = None) -> int:
    """Create the demo outlets and ingest the demo articles that are not stored yet; returns how many
    articles were stored (0 on a re-run)."""
    outlets = _outlets_ensure()
    stored = set(Article.objects.filter(is_demo=True).values_list("url", flat=True))
    missing = [item for item in DEMO_ARTICLES if _address(item) not in stored]
    if not missing:
        return 0
    releases = {
        release.title: release
        for release in Release.objects.filter(
            status=ReleaseStatus.PUBLISHED, created_by__is_demo=True, title__in={VIDEOCONF, COUNCIL, FARS_LOANS}
        )
    }
    now = timezone.now()
    records = []
    for item in missing:
        published = _published(item, releases, now)
        if published is None:
            continue
        records.append(
            IncomingArticle(
                url=_address(item),
                title=item.title,
                text=item.text,
                published=published,
                outlet_name=outlets[item.outlet].name,
            )
        )
    items = services.chunk_prepare(records, first_position=None, default_outlet_id=None)
    result = services.chunk_store(items=items, is_demo=True)
    _decide_one(outlets, users or {})
    return len(result.articles)


def _decide_one(outlets: dict[str, Outlet], users: dict[str, User]) -> None:
    """The demo office head confirms one pickup, through the service (audited like any decision)."""
    head = users.get("khuzestan-head")
    slug, number = CONFIRMED_BY_HEAD
    pickup = (
        Pickup.objects.filter(
            article__url=f"https://{slug}.example.ir/news/{number}",
            outlet=outlets[slug],
            status=PickupStatus.SUGGESTED,
        )
        .select_related("release__office", "article", "outlet")
        .first()
    )
    if head is not None and pickup is not None:
        services.pickup_confirm(pickup=pickup, actor=head, note="در خروجی خبرگزاری دیده شد.")
