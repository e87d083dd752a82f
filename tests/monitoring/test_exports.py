"""CSV and Excel exports: they read back as written (Persian text, numbers as numbers, Jalali dates), a
cell that a spreadsheet would run as a formula is defused, and a page's export shows only what the page
may show."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ayneh.accounts.models import User
from ayneh.monitoring.exports import BOM, Column, cell, csv_bytes, guard_text, jalali_text, xlsx_bytes
from ayneh.monitoring.models import Outlet
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.coverage import FARS_TITLE, Coverage, coverage_make

HOSTILE = ['=HYPERLINK("http://example.com/x","بیشتر")', "+98 21 1234", "-2+3", "@SUM(A1)", "\t=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_prefixed(text: str) -> None:
    assert guard_text(text) == "'" + text


@pytest.mark.parametrize("text", ["روابط عمومی", "۱۴۰۰=سال", "a=b", ""])
def test_ordinary_text_is_kept(text: str) -> None:
    assert guard_text(text) == text


def test_cells_keep_numbers_and_write_dates_in_jalali() -> None:
    # 1 Khordad 1400, 12:00 in Tehran (+04:30 that June)
    noon = dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)
    assert cell(-3) == -3
    assert cell(0.25) == 0.25
    assert cell(noon) == "1400/03/01 12:00"
    assert cell(dt.date(2021, 5, 22)) == "1400/03/01"
    assert cell(None) == ""
    assert jalali_text(dt.date(2024, 3, 20)) == "1403/01/01"


def test_csv_reads_back_with_the_bom_persian_text_and_the_guard() -> None:
    headers = ["عنوان", "شمار"]
    rows = [[cell("خبر روابط عمومی"), cell(3)], [cell(HOSTILE[0]), cell(-1)]]

    data = csv_bytes(headers, rows)

    assert data.startswith(BOM.encode("utf-8"))
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert parsed == [headers, ["خبر روابط عمومی", "3"], ["'" + HOSTILE[0], "-1"]]


def test_xlsx_reads_back_right_to_left_with_numbers_as_numbers() -> None:
    headers = ["عنوان", "شمار"]
    rows = [[cell("خبر روابط عمومی"), cell(3)], [cell(HOSTILE[0]), cell(2.5)], [cell("متن\x0bبا نویسه کنترلی"), 0]]

    book = load_workbook(io.BytesIO(xlsx_bytes(headers, rows, title="خبرها: [آزمون]")))

    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == headers
    assert values[1] == ["خبر روابط عمومی", 3]
    assert values[2] == ["'" + HOSTILE[0], 2.5]
    assert values[3] == ["متنبا نویسه کنترلی", 0]
    assert sheet.cell(row=3, column=1).data_type == "s"  # text, not a formula


def test_a_column_reads_values_from_rows() -> None:
    column = Column("عنوان", lambda row: row["title"])
    assert column.value({"title": "خبر"}) == "خبر"


# --- exports of the pages -----------------------------------------------------------------------------------


@pytest.fixture
def coverage(
    khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User, irna: Outlet, khuzestan_head: User
) -> Coverage:
    return coverage_make(
        khuzestan=khuzestan,
        fars=fars,
        khuzestan_editor=khuzestan_editor,
        fars_editor=fars_editor,
        irna=irna,
        hostile_title=HOSTILE[0],
    )


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_releases_csv_of_an_office_head_holds_their_releases_only(coverage: Coverage, khuzestan_head: User) -> None:
    response = signed_in(khuzestan_head).get(reverse("monitoring:export", kwargs={"name": "releases", "fmt": "csv"}))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = [row[0] for row in rows[1:]]
    assert titles == [sample.RELEASE_TITLE]
    assert FARS_TITLE not in response.content.decode("utf-8-sig")
    published = rows[1][2]
    assert published.startswith("14")  # a Jalali year
    assert rows[1][3] == "2"  # two outlets carried it


@pytest.mark.django_db
def test_the_pickups_xlsx_defuses_a_hostile_article_title(coverage: Coverage, khuzestan_head: User) -> None:
    url = reverse("monitoring:release-pickups-export", kwargs={"key": coverage.khuzestan_release.uuid, "fmt": "xlsx"})
    response = signed_in(khuzestan_head).get(url)

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    titles = {row[2] for row in rows[1:]}
    assert "'" + HOSTILE[0] in titles
    assert "طرح اشتغال روستایی خوزستان" in titles
    assert {row[0] for row in rows[1:]} == {"ایرنا", "کارون"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["coverage", "outlets", "tiers", "quotes", "mentions", "releases"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_list_of_the_monitoring_view_exports(
    coverage: Coverage, ministry_manager: User, name: str, fmt: str
) -> None:
    response = signed_in(ministry_manager).get(reverse("monitoring:export", kwargs={"name": name, "fmt": fmt}))

    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        rows = [
            list(row) for row in load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True)
        ]
    assert len(rows) >= 2  # a header and at least one row of the scenario


@pytest.mark.django_db
def test_another_provinces_head_cannot_export_a_releases_pickups(coverage: Coverage, fars_head: User) -> None:
    url = reverse("monitoring:release-pickups-export", kwargs={"key": coverage.khuzestan_release.uuid, "fmt": "csv"})
    assert signed_in(fars_head).get(url).status_code == 404


@pytest.mark.django_db
def test_an_unknown_list_or_format_is_not_found(khuzestan_head: User) -> None:
    client = signed_in(khuzestan_head)
    assert client.get(reverse("monitoring:export", kwargs={"name": "secrets", "fmt": "csv"})).status_code == 404
    assert client.get(reverse("monitoring:export", kwargs={"name": "releases", "fmt": "pdf"})).status_code == 404
