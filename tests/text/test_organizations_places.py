"""A name read from a head word ends at a place, whole however many words it has («خراسان شمالی»)."""

from ayneh.text.organizations import find_organizations
from ayneh.text.people import find_persons


def test_an_organisation_ends_after_a_province_of_several_words() -> None:
    text = "اداره کل تبلیغات اسلامی خراسان شمالی گردهمایی آموزشی برگزار کرد."
    assert find_organizations(text) == ["اداره کل تبلیغات اسلامی خراسان شمالی"]
    assert find_organizations("استانداری سیستان و بلوچستان اعلام کرد") == ["استانداری سیستان و بلوچستان"]


def test_a_role_takes_the_whole_province_name_and_ends_there() -> None:
    people = find_persons("حسین کلانتری استاندار کهگیلویه و بویراحمد امروز گفت: بله.")
    assert [(p.name, p.role) for p in people] == [("حسین کلانتری", "استاندار کهگیلویه و بویراحمد")]
