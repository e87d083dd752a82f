"""find_organizations: known organisations under canonical names, a minister's ministry, and named heads."""

from ayneh.text.organizations import find_organizations


def test_it_reports_a_known_organisation_by_its_canonical_name_and_acronym() -> None:
    assert find_organizations("مدیرعامل شستا گفت") == ["شرکت سرمایه‌گذاری تأمین اجتماعی (شستا)"]
    assert find_organizations("سازمان تامین اجتماعی اعلام کرد") == ["سازمان تأمین اجتماعی"]


def test_the_longest_known_name_wins() -> None:
    text = "اداره کل تعاون کار و رفاه اجتماعی خوزستان اعلام کرد"
    assert find_organizations(text) == ["اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"]


def test_a_ministers_title_names_the_ministry() -> None:
    assert find_organizations("وزیر تعاون کار و رفاه اجتماعی گفت") == ["وزارت تعاون، کار و رفاه اجتماعی"]
    assert find_organizations("وزیر کشور گفت") == ["وزارت کشور"]


def test_it_reads_an_organisation_opened_by_a_head_word() -> None:
    assert find_organizations("دانشگاه علوم پزشکی اهواز و بانک ملی ایران تفاهم‌نامه امضا کردند") == [
        "دانشگاه علوم پزشکی اهواز",
        "بانک ملی ایران",
    ]


def test_a_head_word_used_as_an_ordinary_word_is_not_an_organisation() -> None:
    assert find_organizations("شرکت در انتخابات و مرکز استان") == []


def test_a_generic_unit_of_another_ministry_is_not_the_ministrys_unit() -> None:
    assert find_organizations("مرکز حراست وزارت نفت") == ["مرکز حراست", "وزارت نفت"]


def test_a_name_cut_short_or_spelled_twice_is_reported_once() -> None:
    text = "اداره‌کل بنادر و اداره کل بنادر؛ سازمان همکاری. سازمان همکاری شانگهای برگزار شد."
    assert find_organizations(text) == ["اداره‌کل بنادر", "سازمان همکاری شانگهای"]
