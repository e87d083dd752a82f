"""The newsroom in the admin: for looking things up, not for changing them.

Releases and events change only through the panel's services (workflow compare-and-set, revisions, audit
rows, search index); an admin form saving a release directly would bypass all of that. So these pages are
read-only; tags, which carry no workflow, can be tidied (renamed, merged by hand) here.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ayneh.newsroom.models import Attachment, Event, Release, ReleaseRevision, ReleaseTransition, Tag


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [str(name) for name in self.fields or []]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
