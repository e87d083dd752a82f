"""The national ranking PDF: Persian text that survives extraction (office names, band names, Persian
digits), Vazirmatn embedded, the demo mark, and the same access rules as the ranking page."""

import re

from django.urls import reverse

from ayneh.evaluation.models import RankingSnapshot
from tests.factories import PASSWORD
from tests.reports.conftest import has_number, pdf_fonts, pdf_text


def _ranking_pdf(client, user, period):
    client.login(username=user.username, password=PASSWORD)
    return client.get(reverse("evaluation:ranking-pdf", kwargs={"key": period.uuid}))


def test_the_ranking_pdf_reads_back_in_persian(client, published, khuzestan_head, khuzestan, fars):
    response = _ranking_pdf(client, khuzestan_head, published)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    for name in (khuzestan.name, fars.name):
        assert name.replace("\u200c", "") in text
    content = RankingSnapshot.objects.get(period=published).content
    for band in content["framework"]["bands"]:  # every band is in the band chart's key
        assert band["name"].replace("\u200c", "") in text
    assert "رتبهبندی کشوری" in text  # the title (ZWNJ folded away by pdf_text)
    assert "دوره نمایشی" in text  # a demo period says so
    for card in content["offices"]:
        assert has_number(text, f"{card['total']:.2f}".rstrip("0").rstrip(".")), card["total"]
    year = str(published.jalali_year)
    assert has_number(text, year)
    # Apart from the content hash and its name, no Latin digit anywhere: numbers are in Persian digits.
    rest = text.replace(RankingSnapshot.objects.get(period=published).content_hash, "").replace("SHA-256", "")
    assert not re.search(r"[0-9]", rest)


def test_the_ranking_pdf_embeds_vazirmatn_and_nothing_else(client, published, khuzestan_head):
    fonts = pdf_fonts(_ranking_pdf(client, khuzestan_head, published).content)
    assert fonts
    assert all(font.startswith("Vazirmatn") for font in fonts), fonts


def test_an_unpublished_period_has_no_pdf(client, spring_1403, khuzestan_head):
    assert _ranking_pdf(client, khuzestan_head, spring_1403).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, published):
    response = client.get(reverse("evaluation:ranking-pdf", kwargs={"key": published.uuid}))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_ranking_pdf_is_rendered_once_per_revision(client, published, khuzestan_head, fars_head):
    from django.core.cache import cache

    from ayneh.reports.views import ranking_pdf_cache_key

    snapshot = RankingSnapshot.objects.get(period=published)
    key = ranking_pdf_cache_key(period=published, snapshot=snapshot)
    cache.delete(key)
    first = _ranking_pdf(client, khuzestan_head, published).content
    assert cache.get(key) == first
    client.logout()
    assert _ranking_pdf(client, fars_head, published).content == first  # another reader, the same file
