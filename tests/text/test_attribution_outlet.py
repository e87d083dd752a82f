"""The outlet: «به گزارش X», a news agency's lead credit, and «در گفت‌وگو با خبرنگار X»."""

import pytest

from ayneh.text.attribution import find_attribution
from ayneh.text.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _outlet(text: str, registry: Registry) -> str | None:
    found = find_attribution(text, registry)
    return found.outlet if found else None


def test_it_reads_the_outlet_from_be_gozaresh(registry: Registry) -> None:
    assert _outlet("به گزارش ایسنا، نشست خبری امروز برگزار شد.", registry) == "ایسنا"


def test_it_keeps_a_multi_word_outlet_up_to_the_credit(registry: Registry) -> None:
    text = "به گزارش صدای شهر به نقل از روابط عمومی شهرداری، جلسه برگزار شد."
    assert _outlet(text, registry) == "صدای شهر"


def test_it_drops_the_reporter_and_desk_words(registry: Registry) -> None:
    assert _outlet("به گزارش خبرنگار اقتصادی خبرگزاری مهر، قیمت‌ها ثابت ماند.", registry) == "خبرگزاری مهر"
    assert _outlet("به گزارش خبرنگار اجتماعی ایرنا، طرح آغاز شد.", registry) == "ایرنا"
    assert _outlet("به گزارش گروه بین‌الملل خبرگزاری تسنیم، مذاکرات ادامه دارد.", registry) == "خبرگزاری تسنیم"


def test_it_drops_the_dateline(registry: Registry) -> None:
    assert _outlet("به گزارش خبرگزاری ایلنا از شیراز، کارگران تجمع کردند.", registry) == "خبرگزاری ایلنا"
    assert _outlet("به گزارش خبرنگار ایسنا در مشهد، طرح اجرا شد.", registry) == "ایسنا"


def test_it_ignores_reports_that_are_not_credits(registry: Registry) -> None:
    assert find_attribution("بنا به گزارش بانک مرکزی، تورم کاهش یافت.", registry) is None
    assert find_attribution("وی با اشاره به گزارش‌های رسیده گفت: بررسی می‌کنیم.", registry) is None
    assert find_attribution("مردم به گزارشی که منتشر شد اعتراض کردند.", registry) is None


def test_a_self_reference_is_no_outlet(registry: Registry) -> None:
    assert find_attribution("به گزارش این خبرگزاری، جلسه لغو شد.", registry) is None


def test_it_reads_a_news_agency_lead_credit(registry: Registry) -> None:
    text = "افتتاح بیمارستان جدید\nخبرگزاری ایرنا: بیمارستان جدید شهر امروز افتتاح شد.\nجزئیات بیشتر."
    assert _outlet(text, registry) == "خبرگزاری ایرنا"


def test_it_reads_the_outlet_of_an_agency_interview(registry: Registry) -> None:
    text = "رئیس اداره گفت: طرح آغاز شد.\nعلی رضایی امروز در گفت‌وگو با خبرنگار اجتماعی ایسنا افزود: کار ادامه دارد."
    assert _outlet(text, registry) == "ایسنا"
    text = "کریمی در گفتگو با خبرگزاری مهر در کرمان اظهار داشت: آماده‌ایم."
    assert _outlet(text, registry) == "خبرگزاری مهر"


def test_be_gozaresh_wins_over_the_other_forms(registry: Registry) -> None:
    text = "عنوان\nخبرگزاری ایرنا: خبر کوتاه.\nبه گزارش ایسنا، متن خبر."
    assert _outlet(text, registry) == "ایسنا"


def test_a_known_outlet_ends_a_credit_that_has_no_comma(registry: Registry) -> None:
    text = "به گزارش خبرنگار خبرگزاری ایسنا رضایی صبح امروز در همایش گفت: آماده‌ایم."
    assert _outlet(text, registry) == "خبرگزاری ایسنا"


def test_a_province_bureau_after_a_known_outlet_is_not_part_of_its_name(registry: Registry) -> None:
    text = "به گزارش گروه اجتماعی خبرگزاری مهر استان یزد به نقل از روابط عمومی شهرداری، کار آغاز شد."
    assert _outlet(text, registry) == "خبرگزاری مهر"


def test_a_latin_name_after_an_outlet_kind_ends_the_credit(registry: Registry) -> None:
    text = "به گزارش روزنامه Guardian مقامات انگلیسی اعلام کرده‌اند که طرح ادامه دارد."
    assert _outlet(text, registry) == "روزنامه Guardian"
