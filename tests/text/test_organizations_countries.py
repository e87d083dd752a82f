"""An organisation read from a head word ends at a country's name («سفارت آمریکا»، «حزب کمونیست چین»)."""

from ayneh.text.organizations import find_organizations


def test_a_named_organisation_ends_after_its_country() -> None:
    assert find_organizations("کنسولگری آمریکا حمله را محکوم کرد و حزب کمونیست چین بیانیه داد.") == [
        "کنسولگری آمریکا",
        "حزب کمونیست چین",
    ]
