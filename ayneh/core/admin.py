"""The audit log in the admin: searchable and filterable, never added to, changed or deleted from here."""

from django.contrib import admin
from django.http import HttpRequest

from ayneh.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "office", "target_type", "target_id", "ip_address"]
    list_filter = ["action", "target_type", "office__tier"]
    search_fields = ["action", "target_id", "actor__username", "office__code", "office__name", "ip_address"]
    list_select_related = ["actor", "office"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
    # Counting millions of rows on every page costs more than it tells.
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False
