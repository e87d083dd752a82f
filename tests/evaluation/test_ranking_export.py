"""The national ranking as Excel: a right-to-left sheet with Persian headers and one row per office in
published order, then one sheet per indicator; read back with openpyxl."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import RankingSnapshot
from tests.factories import PASSWORD

HEADER_ROW = 4  # title, note, a blank line, then the headers


@pytest.fixture
def workbook(client, ministry_evaluator, ministry_manager, khuzestan, fars):
    period = evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period
    client.login(username=ministry_manager.username, password=PASSWORD)
    response = client.get(reverse("evaluation:ranking-xlsx", kwargs={"key": period.uuid}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    snapshot = RankingSnapshot.objects.get(period=period)
    return load_workbook(io.BytesIO(response.content)), snapshot


def test_the_ranking_sheet_is_right_to_left_with_one_row_per_office_in_rank_order(workbook):
    book, snapshot = workbook
    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    assert headers[:3] == ["رتبه کشوری", "کد اداره", "اداره"]
    assert "برنامه‌ریزی" in headers  # an axis, by its Persian name
    rows = [row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if any(row)]
    assert [row[1] for row in rows] == [card["code"] for card in snapshot.content["offices"]]
    assert [row[5] for row in rows] == [card["total"] for card in snapshot.content["offices"]]
    assert snapshot.content_hash in sheet["A2"].value


def test_every_indicator_has_its_own_right_to_left_sheet(workbook):
    book, snapshot = workbook
    indicators = snapshot.content["framework"]["indicators"]
    assert len(book.worksheets) == 1 + len(indicators)
    volume = next(sheet for sheet in book.worksheets if sheet.title.endswith("news.volume"))
    assert volume.sheet_view.rightToLeft
    assert volume["A1"].value == next(i["name"] for i in indicators if i["code"] == "news.volume")
    assert [cell.value for cell in volume[HEADER_ROW]][4:6] == ["مقدار", "هدف"]
    assert volume.max_row == HEADER_ROW + 2  # Khuzestan and Fars
