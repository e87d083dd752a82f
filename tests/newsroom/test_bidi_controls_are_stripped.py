"""Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) cannot make a title, a
name or a tag display differently from what is stored; ZWNJ and the plain direction marks stay."""

import pytest

from ayneh.accounts.models import User
from ayneh.core.sanitize import strip_bidi_controls
from ayneh.offices.models import Office
from tests.newsroom.factories import event_make, release_make

OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("control", list(OVERRIDES))
def test_each_embedding_override_and_isolate_control_is_removed(control: str) -> None:
    assert strip_bidi_controls(f"خبر{control}txt.exe") == "خبرtxt.exe"


def test_zwnj_and_the_plain_direction_marks_are_kept() -> None:
    text = "می\u200cشود \u200fویندوز ۱۰\u200e"
    assert strip_bidi_controls(text) == text


def test_release_titles_leads_and_tags_are_stored_without_overrides(khuzestan: Office, khuzestan_editor: User) -> None:
    release = release_make(
        office=khuzestan,
        actor=khuzestan_editor,
        title="\u202eعنوان\u202c خبر",
        lead="لید\u2066 تست\u2069",
        tags=["\u202dبیمه"],
    )
    assert release.title == "عنوان خبر"
    assert release.lead == "لید تست"
    assert release.tag_names == ["بیمه"]


def test_event_titles_places_and_participants_are_stored_without_overrides(
    khuzestan: Office, khuzestan_editor: User
) -> None:
    event = event_make(
        office=khuzestan,
        actor=khuzestan_editor,
        title="جلسه\u202e شورا",
        place="\u2067اهواز",
        participants="حسن نسیمی\u202b",
    )
    assert (event.title, event.place, event.participants) == ("جلسه شورا", "اهواز", "حسن نسیمی")
