"""leading_credit_length: how much of a clause a leading «به گزارش X» takes (the quote finder skips it)."""

from ayneh.text.attribution import leading_credit_length


def test_it_measures_a_credit_with_its_dateline() -> None:
    clause = "به گزارش خبرگزاری ایسنا از تبریز، علی رضایی"
    assert clause[: leading_credit_length(clause)] == "به گزارش خبرگزاری ایسنا از تبریز"


def test_it_measures_a_credit_that_runs_on_without_a_comma() -> None:
    clause = "به گزارش خبرنگار خبرگزاری مهر کریمی صبح امروز در همایش"
    assert clause[: leading_credit_length(clause)] == "به گزارش خبرنگار خبرگزاری مهر"


def test_it_is_zero_for_other_openings_and_for_credits_of_a_source() -> None:
    assert leading_credit_length("علی رضایی امروز در همایش") == 0
    assert leading_credit_length("به گزارش روابط عمومی شهرداری کرج، شهردار") == 0
    assert leading_credit_length("به گزارش ایسنا به نقل از روابط عمومی شهرداری کرج علی") == 0
