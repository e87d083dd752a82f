"""The attribution span points into the original text, whatever normalisation changed."""

import pytest

from ayneh.text.attribution import find_attribution
from ayneh.text.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_the_span_is_the_credit_clause_in_the_original_text(registry: Registry) -> None:
    original = (
        "عنوان\u200c  خبر\n"
        "به  گزارش ايسنا به نقل از روابط عمومي  اداره كل تعاون،كار و رفاه اجتماعي استان يزد، وي گفت: آري."
    )
    found = find_attribution(original, registry)
    assert found is not None
    assert original[found.start : found.end] == found.text
    assert found.text.startswith("به  گزارش ايسنا")
    assert found.text.endswith("استان يزد")
    assert found.office is not None
    assert found.office.code == "dg-yazd"


def test_the_span_of_an_outlet_only_credit_ends_at_the_outlet(registry: Registry) -> None:
    original = "به گزارش خبرنگار ورزشی خبرگزاری فارس، تیم برد."
    found = find_attribution(original, registry)
    assert found is not None
    assert found.text == "به گزارش خبرنگار ورزشی خبرگزاری فارس"
    assert (found.start, found.end) == (0, len(found.text))
