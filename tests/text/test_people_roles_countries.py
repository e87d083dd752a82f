"""A role ends at a country's name: what follows is the sentence's predicate, not the title."""

from ayneh.text.people import find_persons


def test_a_role_ends_after_the_country_it_names() -> None:
    people = find_persons("سرگئی لاوروف وزیر امور خارجه روسیه امروز در مسکو گفت: بله.")
    assert [(p.name, p.role) for p in people] == [("سرگئی لاوروف", "وزیر امور خارجه روسیه")]


def test_a_country_is_no_surname() -> None:
    assert find_persons("سفیر حسن اسپانیا را ترک کرد.") == []
