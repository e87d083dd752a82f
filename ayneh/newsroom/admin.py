"""The newsroom in the admin: for looking things up, not for changing them.

Releases and events change only through the panel's services (workflow compare-and-set, revisions, audit
rows, search index); an admin form saving a release directly would bypass all of that. So these pages are
read-only; tags, which carry no workflow, can be tidied (renamed, merged by hand) here.
"""

from django.contrib import admin

from ayneh.core.admin import ReadOnlyAdmin, ReadOnlyInline
from ayneh.newsroom.models import Attachment, Event, Release, ReleaseRevision, ReleaseTransition, Tag


class TransitionInline(ReadOnlyInline):
    model = ReleaseTransition
    fields = ["created_at", "actor", "from_status", "to_status", "note"]


class RevisionInline(ReadOnlyInline):
    model = ReleaseRevision
    fields = ["version", "created_at", "created_by", "title"]


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["original_name", "content_type", "size", "uploaded_by", "created_at"]


@admin.register(Release)
class ReleaseAdmin(ReadOnlyAdmin):
    list_display = ["title", "office", "status", "version", "published_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "uuid", "office__name", "office__code"]
    list_select_related = ["office"]
    date_hierarchy = "updated_at"
    inlines = [TransitionInline, RevisionInline, AttachmentInline]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "office", "type", "starts_at"]
    list_filter = ["type"]
    search_fields = ["title", "uuid", "office__name", "office__code"]
    list_select_related = ["office"]
    date_hierarchy = "starts_at"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
