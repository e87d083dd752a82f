"""The panel's list pages cost the same number of queries for 3 releases as for 30 (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.newsroom.factories import release_make

# A fixed cost: session and user (2), the session's save on every request for the idle timeout (3), the
# user's office paths for each scope used (1-3), the count and the page (2), the header's memberships (1),
# whether the user may write anywhere, for the "New release" button (1-2: the edit scope, then exists).
MAX_QUERIES = 15


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["newsroom:release-list", "newsroom:review-queue", "newsroom:dashboard"])
def test_a_page_of_releases_costs_a_fixed_number_of_queries(
    url_name: str, khuzestan: Office, abadan: Office, khuzestan_head: User, client_for
) -> None:
    client = client_for(khuzestan_head)
    url = reverse(url_name)
    for office in (khuzestan, abadan, khuzestan, abadan):
        release_make(office=office, actor=khuzestan_head, status=ReleaseStatus.IN_REVIEW, reviewer=khuzestan_head)
    few = _queries(client, url)

    for n in range(26):
        office = khuzestan if n % 2 else abadan
        release_make(office=office, actor=khuzestan_head, status=ReleaseStatus.IN_REVIEW, reviewer=khuzestan_head)
    many = _queries(client, url)

    assert many == few
    assert many <= MAX_QUERIES


def test_the_release_list_filters_by_status_office_and_title(
    khuzestan: Office, abadan: Office, khuzestan_editor: User, client_for
) -> None:
    release_make(office=khuzestan, actor=khuzestan_editor, title="نشست خبری مدیرکل")
    wanted = release_make(
        office=abadan, actor=khuzestan_editor, title="بازدید از تعاونی", status=ReleaseStatus.IN_REVIEW
    )
    release_make(office=abadan, actor=khuzestan_editor, title="بازدید از کارخانه")

    response = client_for(khuzestan_editor).get(
        reverse("newsroom:release-list"), {"status": ReleaseStatus.IN_REVIEW, "office": abadan.pk, "q": "بازدید"}
    )

    assert list(response.context["page"].object_list) == [wanted]


def test_the_release_list_pages_by_twenty(khuzestan: Office, khuzestan_editor: User, client_for) -> None:
    for _ in range(21):
        release_make(office=khuzestan, actor=khuzestan_editor)
    client = client_for(khuzestan_editor)

    first = client.get(reverse("newsroom:release-list"))
    second = client.get(reverse("newsroom:release-list"), {"page": 2})

    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 1
