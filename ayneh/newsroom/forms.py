"""Forms of the newsroom panel. They parse and check input; the services in `services.py` write.

Choice fields list only what the user may use (offices where they may edit, events of those offices), so
a form cannot be used to reach into another office.
"""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ayneh.core.forms import JalaliDateTimeField
from ayneh.core.jalali import format_jalali
from ayneh.newsroom import selectors
from ayneh.newsroom.models import Event, EventType, ReleaseStatus
from ayneh.newsroom.services import ReleaseContent
from ayneh.newsroom.uploads import validate_attachment, validate_photo
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

TAG_SEPARATORS_RE = re.compile(r"[,،؛;\n]")


def split_tags(text: str) -> list[str]:
    """«اشتغال، بیمه, تعاون» → ["اشتغال", "بیمه", "تعاون"]: commas (Persian or Latin), semicolons or lines."""
    return [part.strip() for part in TAG_SEPARATORS_RE.split(text) if part.strip()]


class EventChoiceField(forms.ModelChoiceField):
    """Events labelled so an editor can tell them apart: title, office and Jalali date."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} — {obj.office} — {format_jalali(obj.starts_at, with_time=False)}"


class ReleaseForm(forms.Form):
    """A release's content. On creation it also asks for the office; on edit it carries the version the
    editor started from (hidden), which the service compares before saving."""

    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none(), empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=255)
    lead = forms.CharField(
        label=_("Lead"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: who, what, when, where."),
    )
    body = forms.CharField(
        label=_("Body"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        # Django renders help text as HTML: it names the formatting instead of quoting tags.
        help_text=_(
            "Separate paragraphs with a blank line. Basic HTML formatting is allowed (bold, italic, lists, "
            "subheadings, quotations and links); anything else is removed when saving."
        ),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        validators=[validate_photo],
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP."),
    )
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)
    tags = forms.CharField(label=_("Tags"), required=False, max_length=1000, help_text=_("Separate tags with commas."))
    event = EventChoiceField(
        label=_("Event"), queryset=Event.objects.none(), required=False, empty_label=_("No linked event")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, user: Any, office: Office | None = None, **kwargs: Any) -> None:
        """`office` is the release's office when editing (its office cannot change); None when creating."""
        super().__init__(*args, **kwargs)
        self.fixed_office = office
        self.fields["event"].queryset = selectors.events_for_release_form(user=user)  # type: ignore[attr-defined]
        if office is None:
            self.fields["office"].queryset = offices_for_user(user=user, action=Action.EDIT)  # type: ignore[attr-defined]
            del self.fields["version"]
            del self.fields["remove_photo"]
        else:
            del self.fields["office"]

    def clean_tags(self) -> list[str]:
        return split_tags(self.cleaned_data.get("tags", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        office = self.fixed_office or cleaned.get("office")
        event = cleaned.get("event")
        if event is not None and office is not None and event.office_id != office.pk:
            self.add_error("event", _("The linked event must belong to the release's office."))
        return cleaned

    def content(self) -> ReleaseContent:
        data = self.cleaned_data
        return ReleaseContent(
            title=data["title"], lead=data["lead"], body=data["body"], tags=data["tags"], event=data["event"]
        )


class EventForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none(), empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=255)
    type = forms.ChoiceField(label=_("Type"), choices=EventType.choices, initial=EventType.MEETING)
    starts_at = JalaliDateTimeField(
        label=_("Date and time"), help_text=_("Solar Hijri date and Iran time, e.g. ۱۴۰۰/۰۳/۰۱ ۱۰:۳۰.")
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    participants = forms.CharField(
        label=_("Participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One participant per line, with their title."),
    )

    def __init__(self, *args: Any, user: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["office"]
        else:
            self.fields["office"].queryset = offices_for_user(user=user, action=Action.EDIT)  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    """The note of a workflow move, and the version the reviewer looked at."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args: Any, note_label: Any = None, note_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].required = note_required
        if note_label is not None:
            self.fields["note"].label = note_label


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        validators=[validate_attachment],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
        help_text=_("PDF, JPEG, PNG or WebP."),
    )


class ReleaseFilterForm(forms.Form):
    """The release list's filters (GET). Unknown or foreign values are dropped, never an error page."""

    q = forms.CharField(label=_("Search in titles"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ReleaseStatus.choices]
    )
    office = forms.ModelChoiceField(
        label=_("Office"), required=False, queryset=Office.objects.none(), empty_label=_("All my offices")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices_for_user(user=user, action=Action.VIEW)  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {"status": "", "office": None, "query": ""}
        data = self.cleaned_data
        return {"status": data["status"], "office": data["office"], "query": data["q"].strip()}
