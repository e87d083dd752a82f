import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_front_page_is_persian_and_right_to_left(page):
    page.goto(page.base_url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fa"
