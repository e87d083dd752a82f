"""Admin building blocks shared by the apps, and the audit log in the admin.

Records that change only through services (workflow, audit rows, constraints) are shown read-only: an admin
form saving them directly would skip those rules.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ayneh.core.models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and detail pages only: no add, change or delete."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """An inline that shows its rows and nothing else."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [str(name) for name in self.fields or []]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit log: searchable and filterable, never added to, changed or deleted from here."""

    list_display = ["created_at", "action", "actor", "office", "target_type", "target_id", "ip_address"]
    list_filter = ["action", "target_type", "office__tier"]
    search_fields = ["action", "target_id", "actor__username", "office__code", "office__name", "ip_address"]
    list_select_related = ["actor", "office"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
    # Counting millions of rows on every page costs more than it tells.
    show_full_result_count = False
