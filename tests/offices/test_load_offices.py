"""`ayneh load_offices` builds the real office tree from the registry file, and re-runs change nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office, OfficeAlias, Tier
from ayneh.offices.services import offices_load

PROVINCES = {
    "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "اصفهان", "البرز", "ایلام", "بوشهر", "تهران",
    "چهارمحال و بختیاری", "خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "خوزستان", "زنجان", "سمنان",
    "سیستان و بلوچستان", "فارس", "قزوین", "قم", "کردستان", "کرمان", "کرمانشاه", "کهگیلویه و بویراحمد",
    "گلستان", "گیلان", "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان", "یزد",
}  # fmt: skip

pytestmark = pytest.mark.django_db


def test_it_loads_the_ministry_and_its_31_provincial_directorates_with_real_names() -> None:
    offices_load()
    ministry = Office.objects.get(code="ministry")
    assert ministry.name == "وزارت تعاون، کار و رفاه اجتماعی"
    dgs = Office.objects.filter(tier=Tier.PROVINCIAL_DG)
    assert dgs.count() == 31
    assert {dg.province for dg in dgs} == PROVINCES
    assert all(dg.parent_id == ministry.pk for dg in dgs)
    khuzestan = dgs.get(province="خوزستان")
    assert khuzestan.name == "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"
    assert khuzestan.path == "/ministry/dg-khuzestan/"


def test_it_builds_the_tree_with_headquarters_units_and_affiliated_organisations() -> None:
    offices_load()
    assert Office.objects.filter(tier=Tier.HQ_UNIT).exists()
    tamin = Office.objects.get(code="org-tamin")
    shasta = Office.objects.get(code="org-shasta")
    assert tamin.tier == Tier.AFFILIATED
    assert shasta.parent == tamin
    assert shasta.path == "/ministry/org-tamin/org-shasta/"
    # Every office's path is its parent's path plus its own code.
    for office in Office.objects.select_related("parent"):
        expected_parent_path = office.parent.path if office.parent else "/"
        assert office.path == f"{expected_parent_path}{office.code}/"


def test_it_loads_the_aliases_news_text_uses() -> None:
    offices_load()
    khuzestan_aliases = set(OfficeAlias.objects.filter(office__code="dg-khuzestan").values_list("text", flat=True))
    assert "تعاون کار و رفاه اجتماعی خوزستان" in khuzestan_aliases
    assert OfficeAlias.objects.filter(office__code="org-shasta", text="شستا").exists()


def test_a_second_run_changes_nothing_and_writes_no_audit_row() -> None:
    first = offices_load()
    offices_before = list(Office.objects.values_list("id", "code", "name", "path", "parent_id"))
    aliases_before = set(OfficeAlias.objects.values_list("id", "office_id", "text"))
    audit_rows = AuditEntry.objects.count()

    second = offices_load()

    assert first.changed
    assert len(first.created) == Office.objects.count()
    assert not second.changed
    assert second.unchanged == len(first.created)
    assert list(Office.objects.values_list("id", "code", "name", "path", "parent_id")) == offices_before
    assert set(OfficeAlias.objects.values_list("id", "office_id", "text")) == aliases_before
    assert AuditEntry.objects.count() == audit_rows


def test_the_first_run_audits_each_created_office() -> None:
    report = offices_load()
    created = AuditEntry.objects.filter(action="office.created", target_type="offices.office")
    assert created.count() == len(report.created)
    row = created.get(target_id="dg-khuzestan")
    assert row.office == Office.objects.get(code="dg-khuzestan")
    assert row.data["province"] == [None, "خوزستان"]


def test_the_command_reports_what_it_did_and_then_that_all_is_up_to_date() -> None:
    out = StringIO()
    call_command("load_offices", stdout=out)
    call_command("load_offices", stdout=out)
    first, *_rest, last = out.getvalue().strip().splitlines()
    count = Office.objects.count()
    assert str(count) in first
    assert str(count) in last
    assert "offices" in last or "اداره" in last


def test_the_command_is_silent_at_verbosity_zero() -> None:
    out = StringIO()
    call_command("load_offices", stdout=out, verbosity=0)
    assert out.getvalue() == ""
    assert Office.objects.filter(tier=Tier.PROVINCIAL_DG).count() == 31
