"""The demo evaluation period for `ayneh demo`: the current Jalali year over every office, a national ranking
that a new user can read.

What it makes, all through the services people use (so the audit log, the review history, the search
index and the snapshot are real) and all marked demo:

- newsroom activity for every office (with `ayneh demo`, i.e. when the offices are not chosen by the
  caller): a demo news desk account (`news-desk-demo`, head at the ministry, no password) records events
  and writes, submits and publishes a few releases for each office, some with a photo, some covering an
  event hours after it began, some a day and more late, some events left uncovered. How active an office
  is comes from a checksum of its code, the same on every machine, so offices differ and the ranking has
  something to rank; dg-khuzestan, the office of the seed article, is the most active;
- the period, opened over every office, computed from that newsroom activity and from monitoring's
  pickups where `ayneh demo` made some (monitoring's demo runs before this one, see ayneh/core/demo.py);
- evaluator ratings with comments, logged and survey values for every office but a few left for the
  evaluator (so the ranking also shows offices not graded yet), at a level that follows the office's
  activity;
- the review and the publication.

The made-up numbers are derived from checksums, so a re-run computes the same. Safe to re-run: each step
is skipped once done, and a period that is published is left as it is. The release volume target is per
month, so a year's target (360 for a provincial directorate) is far above a demo's few releases: every
office scores low on volume, which is what the year so far looks like.
"""

from __future__ import annotations

import datetime as dt
import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from ayneh.accounts.models import User
from ayneh.core.jalali import to_jalali
from ayneh.evaluation.models import EvaluatorScore, Framework, Indicator, IndicatorValue, Period, PeriodStatus, Source
from ayneh.evaluation.periods import PeriodKind
from ayneh.evaluation.scoring import MAX_RATING, scaled_target
from ayneh.evaluation.services import (
    evaluator_score_set,
    framework_load_default,
    indicator_value_record,
    period_compute,
    period_open,
    period_publish,
    period_review_begin,
)
from ayneh.evaluation.spec import TargetPeriod
from ayneh.newsroom.models import EventType, Release, ReleaseStatus
from ayneh.newsroom.services import ReleaseContent, event_create, release_create, release_publish, release_submit
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Membership, Office, Tier
from ayneh.offices.roles import Action, Role

# The office of the seed article: the most active in the demo.
DEMO_STAR_CODE = "dg-khuzestan"
# Every UNRATED_EVERY-th office (by code, the star and Fars excepted) is left for the evaluator: not graded.
DEMO_ALWAYS_RATED = ("dg-khuzestan", "dg-fars")
UNRATED_EVERY = 9
# The demo news desk: one account, head at the ministry (a role there covers every office below it).
DESK_USERNAME = "news-desk-demo"
DESK_NAME = "دبیرخانه خبر (نمایشی)"
# Releases per office: from MIN_RELEASES (least active) to MAX_RELEASES (most active).
MIN_RELEASES, MAX_RELEASES = 2, 6

DEMO_COMMENTS = {
    0: "مستندی برای این سنجه بارگذاری نشده است. (داده نمایشی)",
    1: "مستندات ناقص است و بیشتر الزامات سنجه برآورده نشده است. (داده نمایشی)",
    2: "مستندات بارگذاری‌شده بخشی از الزامات را پوشش می‌دهد؛ زمان‌بندی و مسئولان مشخص نیست. (داده نمایشی)",
    3: "بیشتر الزامات با مستندات کافی برآورده شده است؛ منابع برخی برنامه‌ها روشن نیست. (داده نمایشی)",
    4: "همه الزامات سنجه با مستندات کامل و به‌موقع برآورده شده است. (داده نمایشی)",
}
DEMO_NOTE = "داده نمایشی برای آشنایی با سامانه"
DEMO_TOPICS = (
    ("نشست هم‌اندیشی مدیران با فعالان اقتصادی برگزار شد", EventType.MEETING),
    ("آیین تجلیل از کارکنان نمونه برگزار شد", EventType.CEREMONY),
    ("بازدید مدیرکل از طرح‌های اشتغال‌زایی", EventType.VISIT),
    ("نشست خبری با اصحاب رسانه برگزار شد", EventType.PRESS_CONFERENCE),
    ("ویدئوکنفرانس ستاد اطلاع‌رسانی با حضور معاون وزیر", EventType.VIDEO_CONFERENCE),
    ("گزارش عملکرد شش‌ماهه منتشر شد", None),
    ("ثبت‌نام دوره‌های آموزش مهارتی آغاز شد", None),
    ("اطلاعیه درباره ساعت کاری واحدهای خدمت‌رسان", None),
)


@dataclass(frozen=True, slots=True)
class DemoEvaluation:
    period: Period
    created: bool  # False when the period was already there (a re-run)


def _checksum_share(*parts: str) -> int:
    """A stable number in [0, 100) from `parts`: the same on every run and machine."""
    return zlib.crc32("|".join(parts).encode()) % 100


def _activity(office: Office) -> float:
    """How active the demo makes an office, from 0.35 to 1 (the star office: 1)."""
    if office.code == DEMO_STAR_CODE:
        return 1.0
    return 0.35 + 0.6 * _checksum_share(office.code, "activity") / 99


def _demo_rating(office: Office, indicator: Indicator) -> int:
    """A rubric rating that follows the office's activity, give or take one."""
    wobble = _checksum_share(office.code, indicator.code) % 3 - 1
    return max(0, min(MAX_RATING, round(_activity(office) * MAX_RATING) + wobble))


def _demo_actual(office: Office, indicator: Indicator, period: Period) -> float | None:
    """A logged or survey value: 40–125% of the target, following the office's activity."""
    per = TargetPeriod(indicator.target_period) if indicator.target_period else None
    target = scaled_target(indicator.targets.get(office.tier), per=per, months=period.months)
    if target is None:
        return None
    share = 0.4 + 0.85 * _activity(office) - 0.1 * _checksum_share(office.code, indicator.code) / 99
    actual = target * share if indicator.direction == "higher" else target / share
    return round(actual, 1)


def _rated_offices(period: Period) -> list[Office]:
    """Every office but every UNRATED_EVERY-th one, whose ratings the evaluator has not entered yet."""
    offices = list(period.offices.order_by("code"))
    others = [office for office in offices if office.code not in DEMO_ALWAYS_RATED]
    left = {office.pk for office in others[UNRATED_EVERY - 1 :: UNRATED_EVERY]}
    return [office for office in offices if office.pk not in left]


def _fill_in(period: Period, evaluator: User) -> None:
    """Ratings with comments, logged and survey values for the rated offices (skipping what exists)."""
    indicators = list(period.framework.indicators.exclude(source=Source.AUTO).order_by("position"))
    for office in _rated_offices(period):
        rated = set(EvaluatorScore.objects.filter(period=period, office=office).values_list("indicator_id", flat=True))
        recorded = set(
            IndicatorValue.objects.filter(
                period=period, office=office, source__in=[Source.LOG, Source.SURVEY]
            ).values_list("indicator_id", flat=True)
        )
        with transaction.atomic():  # one commit per office, not per value
            for indicator in indicators:
                if indicator.source == Source.EVAL and indicator.pk not in rated:
                    rating = _demo_rating(office, indicator)
                    evaluator_score_set(
                        period=period,
                        office=office,
                        indicator=indicator,
                        rating=rating,
                        comment=DEMO_COMMENTS[rating],
                        actor=evaluator,
                    )
                elif indicator.source != Source.EVAL and indicator.pk not in recorded:
                    actual = _demo_actual(office, indicator, period)
                    if actual is not None:
                        indicator_value_record(
                            period=period,
                            office=office,
                            indicator=indicator,
                            actual=actual,
                            actor=evaluator,
                            note=DEMO_NOTE,
                        )


# --- the demo news desk -------------------------------------------------------------------------------------


def _news_desk(offices: Sequence[Office]) -> User:
    """The demo news desk account: head of the offices' common root, flagged demo, without a password."""
    desk, created = User.objects.get_or_create(
        username=DESK_USERNAME, defaults={"display_name": DESK_NAME, "is_demo": True}
    )
    if created:
        desk.set_unusable_password()
        desk.save(update_fields=["password"])
    roots = {office.path.strip("/").split("/")[0] for office in offices}
    for root in Office.objects.filter(code__in=roots):
        Membership.objects.get_or_create(user=desk, office=root, role=Role.HEAD)
    return desk


@cache
def _photo_bytes() -> bytes:
    """A small generated JPEG (no camera data) for the demo releases' photos."""
    buffer = io.BytesIO()
    Image.new("RGB", (96, 64), (46, 125, 110)).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _office_activity(*, office: Office, desk: User, window_start: dt.datetime, now: dt.datetime) -> int:
    """The office's demo events and releases; returns how many releases were published."""
    activity = _activity(office)
    count = round(MIN_RELEASES + (MAX_RELEASES - MIN_RELEASES) * activity)
    name = office.short_name or office.name
    published = 0
    for n in range(count):
        title, event_type = DEMO_TOPICS[(n + _checksum_share(office.code)) % len(DEMO_TOPICS)]
        draw = _checksum_share(office.code, str(n))
        event = None
        if event_type is not None:
            # Active offices publish within hours of the event; the others a day or more late, sometimes.
            hours_before = 2 + draw % 10 if draw < 100 * activity else 30 + draw % 20
            starts_at = max(now - dt.timedelta(hours=hours_before), window_start + dt.timedelta(minutes=1))
            event = event_create(
                actor=desk, office=office, title=f"{title} (نمایشی)", type=event_type, starts_at=starts_at
            )
            if draw >= 100 * activity + 40:  # an event the office did not cover (less active offices only)
                continue
        photo = None
        if draw < 100 * activity:
            photo = SimpleUploadedFile("photo.jpg", _photo_bytes(), content_type="image/jpeg")
        release = release_create(
            actor=desk,
            office=office,
            content=ReleaseContent(
                title=f"{name}: {title}",
                lead=f"به گزارش روابط عمومی {office.name}، {title}. (خبر نمایشی)",
                body=f"<p>این خبر نمایشی است و برای آشنایی با سامانه آینه از سوی {DESK_NAME} نوشته شده است.</p>",
                event=event,
            ),
            photo=photo,
        )
        release_publish(release=release_submit(release=release, actor=desk), actor=desk)
        published += 1
    return published


def _newsroom_activity_ensure(*, period: Period, offices: Sequence[Office]) -> None:
    """Demo events and releases for every office that has none from the demo desk in the period yet."""
    desk = _news_desk(offices)
    window = period.window
    done = set(
        Release.objects.filter(
            created_by=desk,
            status=ReleaseStatus.PUBLISHED,
            published_at__gte=window.start,
            published_at__lt=window.end,
        ).values_list("office_id", flat=True)
    )
    now = timezone.now()
    for office in offices:
        if office.pk not in done:
            with transaction.atomic():  # one commit per office
                _office_activity(office=office, desk=desk, window_start=window.start, now=now)


def evaluation_demo_ensure(
    *, evaluator: User, offices: Sequence[Office] | None = None, activity_only: bool = False
) -> DemoEvaluation:
    """The published demo period of the current Jalali year on the default framework, over `offices`
    (default: every office the evaluator evaluates, the ministry itself excepted, each given demo newsroom
    activity first; offices chosen by the caller get none, the caller brings their data). Creates and
    publishes it on the first call; later calls finish an interrupted run or return it unchanged.

    `activity_only` stops after the offices' demo releases: `ayneh demo` calls it so before the showcase
    releases, which are then the newest on the public front page instead of sixty same-minute desk releases.
    """
    framework: Framework = framework_load_default(actor=evaluator)
    year = to_jalali(timezone.now()).year
    period = Period.objects.filter(framework=framework, kind=PeriodKind.YEAR, jalali_year=year, number=0).first()
    created = period is None
    with_activity = offices is None
    if period is None:
        if offices is None:
            offices = list(offices_for_user(user=evaluator, action=Action.EVALUATE).exclude(tier=Tier.MINISTRY))
        period = period_open(
            framework=framework, kind=PeriodKind.YEAR, year=year, offices=offices, actor=evaluator, is_demo=True
        )
    if not period.is_demo:  # a real period of this year exists: never touch it
        return DemoEvaluation(period=period, created=False)
    if period.status == PeriodStatus.OPEN:
        if with_activity:
            _newsroom_activity_ensure(period=period, offices=list(period.offices.order_by("code")))
        if activity_only:
            return DemoEvaluation(period=period, created=created)
        period_compute(period=period, actor=evaluator)
        _fill_in(period, evaluator)
        period_review_begin(period=period, actor=evaluator)
    if period.status == PeriodStatus.REVIEW:
        period_publish(period=period, actor=evaluator)
    return DemoEvaluation(period=period, created=created)
