"""Demo accounts and demo content for `ayneh demo`: a Khuzestan newsroom with work in every state.

Everything is made through the same services users go through (so the audit log, review history and
search index are real), by accounts flagged `is_demo`; the interface marks such accounts and what they
wrote as demo. Running it again changes nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.newsroom.models import EventType, Release
from ayneh.newsroom.services import (
    ReleaseContent,
    event_create,
    release_create,
    release_publish,
    release_request_changes,
    release_submit,
)
from ayneh.offices.models import Membership, Office
from ayneh.offices.roles import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    office_code: str | None  # None: an administrator without office roles
    role: str | None
    description: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", "مدیر سامانه (نمایشی)", None, None, "administrator"),
    DemoAccount("khuzestan-editor", "زهرا کریمی (نمایشی)", "dg-khuzestan", Role.EDITOR, "Khuzestan office editor"),
    DemoAccount("khuzestan-head", "مریم احمدی (نمایشی)", "dg-khuzestan", Role.HEAD, "Khuzestan office head"),
    DemoAccount("fars-editor", "علی رضایی (نمایشی)", "dg-fars", Role.EDITOR, "Fars office editor"),
    DemoAccount("evaluator", "ارزیاب مرکز اطلاع‌رسانی (نمایشی)", "ministry", Role.EVALUATOR, "evaluator (ministry)"),
    DemoAccount("manager", "مدیرکل (نمایشی)", "ministry", Role.MANAGER, "manager, read-only (ministry)"),
)


def demo_accounts_ensure() -> dict[str, User]:
    """Create the demo accounts that are missing; never touch an existing account's password."""
    users: dict[str, User] = {}
    with transaction.atomic():
        for account in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=account.username,
                defaults={"display_name": account.display_name, "is_demo": True},
            )
            if created:
                user.set_password(settings.AYNEH_DEMO_PASSWORD)
                if account.office_code is None:
                    user.is_staff = user.is_superuser = True
                user.save()
            if account.office_code and account.role:
                Membership.objects.get_or_create(
                    user=user, office=Office.objects.get(code=account.office_code), role=account.role
                )
            users[account.username] = user
    return users


@dataclass(frozen=True)
class DemoRelease:
    author: str
    office_code: str
    title: str
    lead: str
    body: str
    tags: tuple[str, ...]
    state: str  # "published", "in_review", "changes_requested" or "draft"
    reviewer: str = ""
    event: tuple[str, str, int, str] | None = None  # (title, type, days ago, place)


DEMO_RELEASES = (
    DemoRelease(
        author="khuzestan-editor",
        office_code="dg-khuzestan",
        title="روز ملی ارتباطات و روابط عمومی با ویدئوکنفرانس وزیر گرامی داشته شد",
        lead="رئیس روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی خوزستان در نشست ویدئوکنفرانس وزیر با "
        "روسای روابط عمومی سراسر کشور از نقش روابط عمومی در اطلاع‌رسانی به‌موقع سخن گفت.",
        body="<p>به گزارش روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان، نشست ویدئوکنفرانس "
        "وزیر تعاون، کار و رفاه اجتماعی با مدیران کل و روسای روابط عمومی ادارات کل سراسر کشور برگزار شد.</p>"
        "<p>رئیس روابط عمومی این اداره کل در این نشست گفت: <strong>اطلاع‌رسانی به‌موقع و درست</strong> "
        "از مشخصه‌های روابط عمومی در عصر ارتباطات است.</p>"
        "<p>وی افزود: روابط عمومی با برنامه‌ریزی سنجیده، تعامل مدیران و کارکنان را گسترش می‌دهد.</p>",
        tags=("روز روابط عمومی", "ویدئوکنفرانس"),
        state="published",
        reviewer="khuzestan-head",
        event=("ویدئوکنفرانس وزیر با روسای روابط عمومی", EventType.VIDEO_CONFERENCE, 3, "سالن جلسات اداره کل، اهواز"),
    ),
    DemoRelease(
        author="khuzestan-editor",
        office_code="dg-khuzestan",
        title="نشست شورای هماهنگی روابط عمومی دستگاه‌های زیرمجموعه در اهواز برگزار شد",
        lead="روسای روابط عمومی دستگاه‌های زیرمجموعه وزارت در استان برنامه اطلاع‌رسانی سه ماه آینده را بررسی کردند.",
        body="<p>در این نشست برنامه مشترک اطلاع‌رسانی طرح‌های اشتغال و بیمه روستاییان بررسی شد.</p>"
        "<ul><li>تهیه گزارش ماهانه پوشش خبری</li><li>پاسخ به‌موقع به پرسش‌های رسانه‌ها</li></ul>",
        tags=("شورای هماهنگی", "خوزستان"),
        state="published",
        reviewer="khuzestan-head",
        event=("شورای هماهنگی روابط عمومی‌ها", EventType.MEETING, 6, "اهواز"),
    ),
    DemoRelease(
        author="khuzestan-editor",
        office_code="dg-khuzestan",
        title="ثبت‌نام دوره‌های آموزش مهارتی ویژه کارجویان خوزستانی آغاز شد",
        lead="کارجویان می‌توانند تا پایان ماه برای دوره‌های رایگان مهارت‌آموزی ثبت‌نام کنند.",
        body="<p>این دوره‌ها با همکاری اداره کل آموزش فنی و حرفه‌ای استان برگزار می‌شود.</p>",
        tags=("مهارت‌آموزی", "اشتغال"),
        state="in_review",
    ),
    DemoRelease(
        author="khuzestan-editor",
        office_code="dg-khuzestan",
        title="بازدید مدیرکل از تعاونی‌های تولیدی شهرستان دزفول",
        lead="مدیرکل تعاون، کار و رفاه اجتماعی خوزستان از سه تعاونی تولیدی دزفول بازدید کرد.",
        body="<p>متن کامل خبر پس از دریافت عکس‌ها تکمیل می‌شود.</p>",
        tags=("تعاون",),
        state="changes_requested",
        reviewer="khuzestan-head",
    ),
    DemoRelease(
        author="khuzestan-editor",
        office_code="dg-khuzestan",
        title="پیش‌نویس: گزارش عملکرد سه ماهه روابط عمومی",
        lead="",
        body="<p>در حال نگارش.</p>",
        tags=(),
        state="draft",
    ),
    DemoRelease(
        author="fars-editor",
        office_code="dg-fars",
        title="۱۲۰ طرح اشتغال روستایی در فارس تسهیلات گرفت",
        lead="اداره کل تعاون، کار و رفاه اجتماعی فارس از پرداخت تسهیلات به ۱۲۰ طرح اشتغال روستایی خبر داد.",
        body="<p>این طرح‌ها در ۱۸ شهرستان استان فارس اجرا می‌شوند و برای ۴۵۰ نفر شغل ایجاد می‌کنند.</p>",
        tags=("اشتغال روستایی", "فارس"),
        state="published",
        reviewer="admin",
    ),
)

# What the office head wrote when asking for changes in the demo.
CHANGES_NOTE = "لطفاً عکس بازدید و نام تعاونی‌ها را اضافه کنید."


def demo_content_ensure(*, users: dict[str, User]) -> int:
    """Create the demo releases and events once, then the demo media coverage of them (which is stored once
    too); returns how many releases were created (0 on a re-run)."""
    created = _demo_releases_ensure(users=users)
    # Monitoring's demo outlets and articles carry the published demo releases, so they come after them.
    from ayneh.monitoring.demo import monitoring_demo_ensure  # monitoring imports newsroom; keep core light

    monitoring_demo_ensure(users=users)
    return created


def _demo_releases_ensure(*, users: dict[str, User]) -> int:
    # Only the showcase's own authors count: the evaluation demo's news desk publishes routine releases first.
    if Release.objects.filter(created_by__in=users.values()).exists():
        return 0
    now = timezone.now()
    for item in DEMO_RELEASES:
        author, office = users[item.author], Office.objects.get(code=item.office_code)
        event = None
        if item.event:
            title, kind, days_ago, place = item.event
            event = event_create(
                actor=author,
                office=office,
                title=title,
                type=kind,
                starts_at=(now - dt.timedelta(days=days_ago)).replace(minute=0, second=0, microsecond=0),
                place=place,
            )
        release = release_create(
            actor=author,
            office=office,
            content=ReleaseContent(title=item.title, lead=item.lead, body=item.body, tags=item.tags, event=event),
        )
        if item.state == "draft":
            continue
        release = release_submit(release=release, actor=author)
        if item.state == "published":
            release_publish(release=release, actor=users[item.reviewer])
        elif item.state == "changes_requested":
            release_request_changes(release=release, actor=users[item.reviewer], note=CHANGES_NOTE)
    return len(DEMO_RELEASES)
