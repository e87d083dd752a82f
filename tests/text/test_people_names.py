"""How find_persons reads a person's name: given names, surnames, honorifics, and what is not a name."""

from ayneh.text.people import find_persons


def _names(text: str) -> list[str]:
    return [p.name for p in find_persons(text)]


def test_it_reads_a_common_given_name_and_a_surname() -> None:
    assert _names("حسن نسیمی روز شنبه در نشست شرکت کرد.") == ["حسن نسیمی"]


def test_it_drops_honorifics_and_keeps_a_descent_title() -> None:
    assert _names("حجت‌الاسلام والمسلمین سید حسن خمینی در دیدار با مردم سخن گفت.") == ["سید حسن خمینی"]


def test_it_reads_a_given_name_written_in_two_words() -> None:
    assert _names("محمد جواد ظریف وزیر امور خارجه به نیویورک رفت.") == ["محمد جواد ظریف"]


def test_it_reads_a_surname_written_in_two_words() -> None:
    assert _names("محمود احمدی نژاد در سفر استانی سخنرانی کرد.") == ["محمود احمدی نژاد"]


def test_it_reads_a_bare_surname_after_a_title_of_address() -> None:
    assert _names("آیت‌الله خامنه‌ای رهبر معظم انقلاب پیامی صادر کرد.") == ["خامنه‌ای"]


def test_it_reads_names_written_with_arabic_letters() -> None:
    assert _names("علي رضايي مديركل بهزيستي استان گفت: خوب است.") == ["علی رضایی"]


def test_it_ignores_names_that_name_a_street_or_a_university() -> None:
    assert _names("خیابان شهید محمد منتظری و دانشگاه شهید بهشتی بازسازی شد.") == []


def test_it_ignores_everyday_words_that_name_lists_call_names() -> None:
    assert _names("امید مردم به دولت زیاد است و پیام دوستی رئیس جمهور به همه رسید.") == []


def test_it_ignores_a_title_of_address_before_an_ordinary_word() -> None:
    assert _names("او کاپ آقای گل را گرفت و ۳۶ هزار شهید دانش‌آموز تقدیم شد.") == []


def test_a_rare_given_name_needs_context_to_count() -> None:
    assert _names("کیانوش رستمی در مسابقات شرکت کرد.") == []
    assert _names("کیانوش رستمی گفت: آماده‌ام.") == ["کیانوش رستمی"]
    assert _names("مربی تیم ملی، کیانوش رستمی در مسابقات شرکت کرد.") == ["کیانوش رستمی"]


def test_a_common_given_name_before_an_unusual_surname_needs_a_title() -> None:
    assert _names("زمان باید بگذرد تا نقشه حاج قاسم مشخص شود.") == []
    assert _names("محمدباقر قالیباف رئیس مجلس شورای اسلامی گفت: بله.") == ["محمدباقر قالیباف"]


def test_a_rare_given_name_listed_beside_a_backed_name_counts() -> None:
    text = "بردیا خیاطیان، امید داوری، میلاد گودرزی و محمد آخوندزاده بازیکنان تیم هستند."
    assert _names(text) == ["بردیا خیاطیان", "امید داوری", "میلاد گودرزی", "محمد آخوندزاده"]


def test_a_descent_title_written_joined_to_the_given_name_is_read() -> None:
    assert _names("حجت‌الاسلام سیدمحمدباقر عبادی در جلسه شرکت کرد.") == ["سیدمحمدباقر عبادی"]


def test_two_given_names_without_a_surname_are_no_name() -> None:
    assert _names("در شعری از مرتضی علی در وصف امین وحی آمده است.") == []
