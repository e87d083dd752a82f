"""Evaluation records in the admin: for looking, not for changing.

Every change of evaluation data has rules and an audit row (frozen frameworks, rubric comments, snapshot
revisions), so it goes through `ayneh.evaluation.services` and the evaluation pages, never through a
generic form that would skip them. The admin lists, filters and shows.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ayneh.core.admin import ReadOnlyAdmin
from ayneh.evaluation.models import (
    EvaluatorScore,
    Framework,
    Indicator,
    IndicatorValue,
    Objection,
    Period,
    RankingSnapshot,
)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ("code", "name", "axis", "weight", "source", "direction", "unit", "targets", "computer")
    readonly_fields = ("code", "name", "axis", "weight", "source", "direction", "unit", "targets", "computer")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ["title", "code", "version", "is_default", "is_frozen", "created_at"]
    list_filter = ["is_default", "is_frozen"]
    search_fields = ["code", "title"]
    inlines = [IndicatorInline]


@admin.register(Period)
class PeriodAdmin(ReadOnlyAdmin):
    list_display = ["title", "code", "framework", "status", "starts_on", "ends_on", "is_demo"]
    list_filter = ["status", "kind", "is_demo"]
    search_fields = ["code", "title"]
    list_select_related = ["framework"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ["period", "office", "indicator", "actual", "target", "score", "source", "updated_at"]
    list_filter = ["source", "period"]
    search_fields = ["office__code", "office__name", "indicator__code"]
    list_select_related = ["period", "office", "indicator"]
    show_full_result_count = False


@admin.register(EvaluatorScore)
class EvaluatorScoreAdmin(ReadOnlyAdmin):
    list_display = ["period", "office", "indicator", "rating", "evaluator", "created_at"]
    list_filter = ["period", "rating"]
    search_fields = ["office__code", "indicator__code", "comment"]
    list_select_related = ["period", "office", "indicator", "evaluator"]


@admin.register(RankingSnapshot)
class RankingSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["period", "revision", "content_hash", "published_by", "published_at"]
    list_filter = ["period"]
    list_select_related = ["period", "published_by"]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdmin):
    list_display = ["period", "office", "indicator", "status", "filed_at", "answered_at"]
    list_filter = ["status", "period"]
    search_fields = ["office__code", "text", "answer"]
    list_select_related = ["period", "office", "indicator"]
