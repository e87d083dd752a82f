"""The scorecard page shows the radar and trend inline (no inline style, so the strict CSP holds) and links
to the PDF; the ranking page links to its PDF."""

from django.urls import reverse
from lxml import html

from tests.factories import PASSWORD


def test_the_scorecard_page_inlines_the_charts_and_links_the_pdf(client, published, khuzestan_head, khuzestan):
    client.login(username=khuzestan_head.username, password=PASSWORD)
    page = client.get(reverse("evaluation:scorecard", kwargs={"key": published.uuid, "code": khuzestan.code}))
    tree = html.fromstring(page.content)
    radar = tree.get_element_by_id("chart-radar")
    svg = radar.xpath(".//*[local-name()='svg']")[0]
    assert "ayneh-chart" in svg.get("class")
    labels = {text.text_content() for text in svg.xpath(".//*[local-name()='text']")}
    for axis in published.framework.axes.all():
        assert axis.name in labels
    assert not tree.xpath("//svg//style | //svg//script | //*[@style]")
    assert tree.get_element_by_id("scorecard-pdf").get("href") == reverse(
        "evaluation:scorecard-pdf", kwargs={"key": published.uuid, "code": khuzestan.code}
    )
    assert tree.get_element_by_id("chart-trend") is not None


def test_the_ranking_page_links_the_pdf(client, published, khuzestan_head):
    client.login(username=khuzestan_head.username, password=PASSWORD)
    page = client.get(reverse("evaluation:period-ranking", kwargs={"key": published.uuid}))
    link = html.fromstring(page.content).get_element_by_id("ranking-pdf")
    assert link.get("href") == reverse("evaluation:ranking-pdf", kwargs={"key": published.uuid})
