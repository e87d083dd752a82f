"""Monitoring in the admin: administrators register outlets and their sources here; what ingestion
produces (batches, articles, failures, pickups) is shown read-only, because it changes only through the
pipeline and the pickup services (constraints, audit rows, labels)."""

from django.contrib import admin

from ayneh.core.admin import ReadOnlyAdmin, ReadOnlyInline
from ayneh.monitoring.models import (
    Article,
    ArticleFailure,
    IngestBatch,
    Mention,
    Outlet,
    OutletAlias,
    Pickup,
    Quote,
    Source,
)


class OutletAliasInline(admin.TabularInline):
    model = OutletAlias
    extra = 1


class SourceInline(admin.StackedInline):
    model = Source
    extra = 0
    fields = ["kind", "url", "path", "fetch_interval", "enabled"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "tier", "province", "site", "is_demo"]
    list_filter = ["tier", "is_demo"]
    search_fields = ["name", "aliases__text", "site"]
    inlines = [OutletAliasInline, SourceInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["outlet", "kind", "url", "path", "enabled", "last_success_at", "last_error_at", "items_per_day"]
    list_filter = ["kind", "enabled"]
    search_fields = ["outlet__name", "url", "path"]
    readonly_fields = [
        "etag",
        "last_modified",
        "next_fetch_at",
        "last_success_at",
        "last_error_at",
        "last_error",
        "items_per_day",
    ]


class FailureInline(ReadOnlyInline):
    model = ArticleFailure
    fields = ["position", "url", "reason", "created_at"]


@admin.register(IngestBatch)
class IngestBatchAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "location", "status", "cursor", "total", "created_count", "failed_count"]
    list_filter = ["status", "kind"]
    inlines = [FailureInline]


class MentionInline(ReadOnlyInline):
    model = Mention
    fields = ["name", "role"]


class QuoteInline(ReadOnlyInline):
    model = Quote
    fields = ["speaker", "speaker_role", "verb", "text"]


class PickupInline(ReadOnlyInline):
    model = Pickup
    fields = ["release", "similarity", "attribution", "status"]


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    list_display = ["title", "outlet", "published_at", "source_office", "is_demo"]
    list_filter = ["outlet__tier", "is_demo"]
    search_fields = ["title", "canonical_url"]
    date_hierarchy = "published_at"
    inlines = [PickupInline, MentionInline, QuoteInline]


@admin.register(Pickup)
class PickupAdmin(ReadOnlyAdmin):
    list_display = ["release", "outlet", "similarity", "attribution", "status", "decided_by", "decided_at"]
    list_filter = ["status", "attribution", "outlet__tier"]
