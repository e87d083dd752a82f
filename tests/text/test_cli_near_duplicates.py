"""`ayneh near-duplicates --jsonl`: {"id", "group"} per document, the same group for versions of a story."""

import json
from pathlib import Path

import pytest

from ayneh.text.cli import main

STORY = (
    "به گزارش ایسنا، مدیرکل بهزیستی استان یزد از افتتاح سه مرکز تازه توانبخشی در شهرهای میبد، اردکان و "
    "مهریز خبر داد و گفت: این مراکز به بیش از دو هزار خانواده خدمات می‌دهند و تا پایان سال دو مرکز دیگر "
    "نیز در شهرستان‌های تفت و ابرکوه به بهره‌برداری می‌رسد. وی افزود: اعتبار این طرح‌ها از محل بودجه "
    "استانی و کمک خیران تامین شده است و کار ساخت مرکز سوم از ماه آینده آغاز می‌شود."
)
OTHER = (
    "تیم فوتبال شهر در دیداری حساس با دو گل حریف خود را شکست داد و به صدر جدول رسید. سرمربی این تیم پس از "
    "بازی گفت: بازیکنان با تمام توان بازی کردند و هواداران نیز حمایت خوبی داشتند. دیدار بعدی هفته آینده "
    "در ورزشگاه شهر برگزار می‌شود و بلیت‌ها از امروز به فروش می‌رسد."
)


def test_versions_of_one_story_share_a_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    republished = STORY.replace("به گزارش ایسنا", "به گزارش ایرنا").replace("ي", "ی") + " پایان خبر."
    lines = [
        json.dumps({"id": "original", "text": STORY}, ensure_ascii=False),
        json.dumps({"id": "other", "text": OTHER}, ensure_ascii=False),
        json.dumps({"id": "copy", "text": republished}, ensure_ascii=False),
        "not json",
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["near-duplicates", "--jsonl", str(source)]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    groups = {r["id"]: r["group"] for r in records if "group" in r}
    assert groups == {"original": "original", "other": "other", "copy": "original"}
    assert [r["error"] for r in records if "error" in r] == ["line 4: not JSON (Expecting value)"]
    assert "1 line(s) could not be read" in captured.err
