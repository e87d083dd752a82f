"""analyse() and Analysis.to_json(): the stable JSON contract of `ayneh analyze --json`."""

import datetime
import json

from ayneh.text.analyze import analyse
from ayneh.text.registry import OfficeEntry, Registry

CONTRACT_KEYS = {"outlet", "source_office", "attribution", "persons", "quotes", "dates", "provinces", "organizations"}

RELEASE = (
    "به گزارش ايسنا به نقل از روابط عمومي اداره کل تعاون، کار و رفاه اجتماعي استان يزد، علی رضایی مدیرکل "
    "تعاون، کار و رفاه اجتماعی استان یزد روز شنبه یکم خرداد در جلسه شورای اداری گفت: اشتغال اولویت ماست.\n"
    "وی افزود: طرح‌های تازه اجرا می‌شود."
)


def test_the_json_has_every_contract_key_with_its_shape() -> None:
    result = analyse(RELEASE, published=datetime.date(2021, 5, 24)).to_json()
    assert set(result) >= CONTRACT_KEYS
    assert result["outlet"] == "ایسنا"
    assert result["source_office"] == "اداره کل تعاون، کار و رفاه اجتماعی استان یزد"
    assert set(result["attribution"]) >= {"text", "start", "end"}
    assert {"name": "علی رضایی", "role": "مدیرکل تعاون، کار و رفاه اجتماعی استان یزد"} in result["persons"]
    assert [q["speaker"] for q in result["quotes"]] == ["علی رضایی", "علی رضایی"]
    assert all(set(item) >= {"speaker", "text"} for item in result["quotes"])
    assert {"text": "روز شنبه یکم خرداد", "date": "2021-05-22"}.items() <= result["dates"][0].items()
    assert result["provinces"] == ["یزد"]
    assert isinstance(result["organizations"], list)
    json.dumps(result)  # serialisable as it is


def test_missing_values_are_null_or_empty() -> None:
    result = analyse("متنی کوتاه بدون هیچ نام و تاریخی.").to_json()
    assert result["outlet"] is None
    assert result["source_office"] is None
    assert result["attribution"] is None
    for key in ("persons", "quotes", "dates", "provinces", "organizations"):
        assert result[key] == []


def test_spans_and_quoted_text_come_from_the_original_text() -> None:
    analysis = analyse(RELEASE, published=datetime.date(2021, 5, 24))
    attribution = analysis.attribution
    assert attribution is not None
    assert RELEASE[attribution.start : attribution.end] == attribution.text
    assert "ايسنا" in attribution.text  # Arabic ي as written, not the normalised form
    for quote in analysis.quotes:
        assert RELEASE[quote.start : quote.end] == quote.text
    for mention in analysis.dates:
        assert RELEASE[mention.start : mention.end] == mention.text


def test_a_relative_date_needs_the_publication_date() -> None:
    assert analyse(RELEASE).to_json()["dates"][0]["date"] is None


def test_the_registry_passed_in_is_the_one_credited() -> None:
    registry = Registry(
        [
            OfficeEntry(
                code="yazd-labour",
                name="اداره کار یزد",
                tier="provincial_dg",
                province="یزد",
                parent=None,
                aliases=("اداره کل تعاون، کار و رفاه اجتماعی استان یزد",),
            )
        ]
    )
    result = analyse(RELEASE, registry=registry).to_json()
    assert result["source_office"] == "اداره کار یزد"
    assert result["source_office_code"] == "yazd-labour"
