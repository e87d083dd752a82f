"""The credited source: «به نقل از Y», «به گزارش روابط عمومی Y», «منبع: Y», resolved against the registry."""

import pytest

from ayneh.text.attribution import find_attribution
from ayneh.text.normalize import normalize
from ayneh.text.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_it_reads_the_source_after_be_naghl_az(registry: Registry) -> None:
    found = find_attribution("به گزارش ایسنا به نقل از روابط عمومی دانشگاه شیراز، همایش برگزار شد.", registry)
    assert found is not None
    assert found.outlet == "ایسنا"
    assert found.source == "روابط عمومی دانشگاه شیراز"
    assert found.office is None
    assert found.confidence == 0.0


def test_a_public_relations_credit_without_an_outlet_is_the_source(registry: Registry) -> None:
    found = find_attribution("به گزارش روابط عمومی سازمان تأمین اجتماعی، بیمه‌شدگان افزایش یافتند.", registry)
    assert found is not None
    assert found.outlet is None
    assert found.source == normalize("روابط عمومی سازمان تأمین اجتماعی")  # names come in the comparison form
    assert found.office is not None
    assert found.office.code == "org-tamin"


def test_it_reads_an_information_site_and_a_news_headquarters_as_sources(registry: Registry) -> None:
    found = find_attribution("به گزارش مهر به نقل از پایگاه اطلاع‌رسانی وزارت نیرو، مصرف برق بالا رفت.", registry)
    assert found is not None
    assert found.source == "پایگاه اطلاع‌رسانی وزارت نیرو"
    found = find_attribution("به نقل از ستاد خبری سفر رئیس‌جمهور، برنامه اعلام شد.", registry)
    assert found is not None
    assert found.source == "ستاد خبری سفر رئیس‌جمهور"


def test_a_comma_inside_an_office_name_does_not_cut_the_source(registry: Registry) -> None:
    text = "به گزارش ایرنا به نقل از روابط عمومی اداره کل تعان,کار و رفاه اجتماعی استان فارس، علی احمدی گفت: بله."
    found = find_attribution(text, registry)
    assert found is not None
    assert found.source == "روابط عمومی اداره کل تعان، کار و رفاه اجتماعی استان فارس"
    assert found.office is not None
    assert found.office.code == "dg-fars"
    assert found.confidence >= 0.9


def test_an_unknown_source_ends_at_the_first_comma(registry: Registry) -> None:
    text = "به گزارش ایسنا به نقل از شهرداری منطقه ۲، واحد خدمات شهری، کار را آغاز کرد."
    found = find_attribution(text, registry)
    assert found is not None
    assert found.source == "شهرداری منطقه 2"


def test_a_paragraph_opening_with_be_naghl_az_is_a_credit(registry: Registry) -> None:
    found = find_attribution("عنوان خبر\nبه نقل از روابط عمومی بانک رفاه کارگران، شعبه جدید افتتاح شد.", registry)
    assert found is not None
    assert found.outlet is None
    assert found.office is not None
    assert found.office.code == "org-refah-bank"


def test_a_source_line_closing_the_text_is_a_credit(registry: Registry) -> None:
    found = find_attribution("متن مقاله در اینجا.\nمنبع: ماهنامه زمانه، شماره ۴۵", registry)
    assert found is not None
    assert found.source == "ماهنامه زمانه، شماره 45"
    assert found.text == "منبع: ماهنامه زمانه، شماره ۴۵"


def test_a_quote_of_a_person_mid_text_is_not_a_credit(registry: Registry) -> None:
    assert find_attribution("این طرح به نقل از کارشناسان موفق بوده است.", registry) is None


def test_a_source_without_its_comma_ends_before_a_persons_rank(registry: Registry) -> None:
    text = "به گزارش ایسنا به نقل از پایگاه اطلاع رسانی پلیس سردار احمد رضایی رئیس پلیس گفت: بله."
    found = find_attribution(text, registry)
    assert found is not None
    assert found.source == "پایگاه اطلاع رسانی پلیس"


def test_a_source_without_its_comma_ends_before_a_given_name(registry: Registry) -> None:
    text = "به گزارش ایسنا به نقل از روابط عمومی اتاق بازرگانی محمدرضا کریمی، دبیر اتاق گفت: بله."
    found = find_attribution(text, registry)
    assert found is not None
    assert found.source == "روابط عمومی اتاق بازرگانی"


def test_a_given_name_inside_an_institutions_name_stays_in_the_source(registry: Registry) -> None:
    text = "به گزارش ایسنا به نقل از روابط عمومی بیمارستان امام رضا، بخش جدید افتتاح شد."
    found = find_attribution(text, registry)
    assert found is not None
    assert found.source == "روابط عمومی بیمارستان امام رضا"
