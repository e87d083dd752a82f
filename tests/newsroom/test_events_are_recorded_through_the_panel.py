"""Scenario 1's first step: an office editor records an event with a Jalali date and time; an impossible
date is refused on the form in Persian."""

import datetime as dt

from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom.models import Event, EventType
from ayneh.offices.models import Office
from tests.newsroom.factories import event_make

SEED_EVENT = {
    "title": "ویدئوکنفرانس رئیس روابط عمومی با وزیر",
    "type": EventType.VIDEO_CONFERENCE,
    "starts_at": "۱۴۰۰/۰۳/۰۱ ۱۰:۳۰",
    "place": "اهواز، سالن جلسات اداره کل",
    "participants": "حسن نسیمی، رئیس روابط عمومی\nمحمد شریعتمداری، وزیر تعاون، کار و رفاه اجتماعی",
}


def test_an_editor_records_the_seed_video_conference(khuzestan: Office, khuzestan_editor: User, client_for) -> None:
    response = client_for(khuzestan_editor).post(
        reverse("newsroom:event-create"), {"office": khuzestan.pk, **SEED_EVENT}
    )

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert (event.office, event.type, event.created_by) == (khuzestan, EventType.VIDEO_CONFERENCE, khuzestan_editor)
    assert event.starts_at == dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)
    assert AuditEntry.objects.filter(action="event.created", actor=khuzestan_editor, office=khuzestan).count() == 1


def test_the_event_page_shows_the_date_in_jalali(khuzestan: Office, khuzestan_editor: User, client_for) -> None:
    event = event_make(office=khuzestan, actor=khuzestan_editor)
    page = client_for(khuzestan_editor).get(event.get_absolute_url()).content.decode()
    assert "۱ خرداد ۱۴۰۰، ۱۰:۳۰" in page


def test_an_impossible_date_is_a_persian_form_error(khuzestan: Office, khuzestan_editor: User, client_for) -> None:
    response = client_for(khuzestan_editor).post(
        reverse("newsroom:event-create"), {"office": khuzestan.pk, **SEED_EVENT, "starts_at": "۱۴۰۲/۱۲/۳۰ ۱۰:۰۰"}
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["starts_at"]
    assert error.startswith("تاریخ")
    assert "۳۰ اسفند ۱۴۰۲ وجود ندارد" in error
    assert not Event.objects.exists()


def test_an_editor_cannot_record_an_event_for_another_province(
    khuzestan_editor: User, fars: Office, client_for
) -> None:
    response = client_for(khuzestan_editor).post(reverse("newsroom:event-create"), {"office": fars.pk, **SEED_EVENT})

    assert response.status_code == 200
    assert "office" in response.context["form"].errors
    assert not Event.objects.exists()


def test_editing_an_event_keeps_its_office_and_records_what_changed(
    khuzestan: Office, khuzestan_editor: User, client_for
) -> None:
    event = event_make(office=khuzestan, actor=khuzestan_editor)
    edit_url = reverse("newsroom:event-edit", kwargs={"key": event.uuid})

    response = client_for(khuzestan_editor).post(edit_url, {**SEED_EVENT, "place": "تهران"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.place, event.office) == ("تهران", khuzestan)
    assert "place" in AuditEntry.objects.get(action="event.updated").data["changed"]
