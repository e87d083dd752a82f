"""Admin for the office registry and memberships. Saves go through the offices services, so every change
is audited and a re-parented office keeps its descendants' paths right."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ayneh.offices.models import Membership, Office, OfficeAlias
from ayneh.offices.services import membership_grant, membership_revoke, office_save


class OfficeAliasInline(admin.TabularInline):
    model = OfficeAlias
    extra = 1


class OfficeAdminForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = ["code", "name", "short_name", "tier", "province", "parent", "is_active"]

    def clean_parent(self) -> Office | None:
        """Refuse a parent that is the office itself or below it: the tree would loop."""
        parent: Office | None = self.cleaned_data.get("parent")
        office = self.instance
        if parent is not None and office.pk is not None and parent.path.startswith(office.path):
            raise forms.ValidationError(
                _("An office cannot be placed under itself or under one of its own sub-offices.")
            )
        return parent


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    form = OfficeAdminForm
    inlines = [OfficeAliasInline]
    list_display = ["tree_name", "code", "tier", "province", "is_active"]
    list_filter = ["tier", "is_active", "province"]
    search_fields = ["name", "short_name", "code", "province", "aliases__text"]
    ordering = ["path"]  # tree order: every office right after its parent
    list_select_related = ["parent"]
    list_per_page = 100
    autocomplete_fields = ["parent"]
    readonly_fields = ["path"]

    @admin.display(description=_("name"), ordering="path")
    def tree_name(self, office: Office) -> str:
        depth = office.path.count("/") - 2
        return "— " * depth + str(office.name)

    def get_readonly_fields(self, request: HttpRequest, obj: Office | None = None) -> list[str]:
        # The code is in addresses, feeds and every descendant's path: fixed once the office exists.
        return ["code", "path"] if obj is not None else ["path"]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Office], search_term: str
    ) -> tuple[QuerySet[Office], bool]:
        queryset, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Several aliases of one office may match: show each office once.
        return queryset.distinct(), False

    def has_delete_permission(self, request: HttpRequest, obj: Office | None = None) -> bool:
        # Memberships, releases and the audit log point at offices: deactivate instead of deleting.
        return False

    def save_model(self, request: HttpRequest, obj: Office, form: forms.ModelForm, change: bool) -> None:
        office_save(office=obj, actor=request.user, changed_fields=form.changed_data)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Memberships are granted or revoked, never edited: a change of role is a revoke and a grant, each
    with its audit row."""

    list_display = ["user", "office", "role", "created_at"]
    list_filter = ["role", "office__tier"]
    search_fields = ["user__username", "user__display_name", "office__name", "office__code"]
    autocomplete_fields = ["user", "office"]
    list_select_related = ["user", "office"]

    def get_readonly_fields(self, request: HttpRequest, obj: Membership | None = None) -> list[str]:
        return ["user", "office", "role", "created_at"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Membership, form: forms.ModelForm, change: bool) -> None:
        if change:
            return
        granted = membership_grant(user=obj.user, office=obj.office, role=obj.role, actor=request.user)
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        membership_revoke(membership=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        for membership in queryset.select_related("user", "office"):
            membership_revoke(membership=membership, actor=request.user)


class MembershipInline(admin.TabularInline):
    """Memberships on the user's admin page (add and delete only; see MembershipAdmin)."""

    model = Membership
    extra = 0
    autocomplete_fields = ["office"]
    fields = ["office", "role"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Existing rows show read-only; a change of role is a delete and an add.
        return False
