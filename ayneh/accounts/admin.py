"""Admin for accounts. Saves go through services (audited); memberships are granted and revoked inline.
The admin's own sign-in page is replaced by Ayneh's throttled one."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ayneh.accounts.models import User
from ayneh.accounts.services import user_save
from ayneh.accounts.views import admin_login
from ayneh.offices.admin import MembershipInline
from ayneh.offices.models import Membership
from ayneh.offices.services import membership_grant, membership_revoke

admin.site.login = login_not_required(admin_login)  # type: ignore[method-assign]
admin.site.site_header = _("Ayneh administration")
admin.site.site_title = _("Ayneh administration")
admin.site.index_title = _("Administration")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "display_name", "is_active", "is_staff", "is_superuser", "is_demo", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "is_demo", "memberships__role"]
    search_fields = ["username", "display_name", "first_name", "last_name", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("display_name", "first_name", "last_name", "email")}),
        (
            _("Permissions"),
            {
                "fields": ("is_active", "is_demo", "is_staff", "is_superuser", "groups", "user_permissions"),
                "description": _(
                    "Roles come from office memberships below. A superuser is an administrator and sees every office."
                ),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {"classes": ("wide",), "fields": ("username", "display_name", "usable_password", "password1", "password2")},
        ),
    )
    readonly_fields = ["last_login", "date_joined"]

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm, change: bool) -> None:
        user_save(user=obj, actor=request.user, changed_fields=form.changed_data, created=not change)  # type: ignore[arg-type]

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool) -> None:
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        # Through the services, so each grant and revocation has its audit row.
        new_memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership_revoke(membership=membership, actor=request.user)
        for membership in new_memberships:
            if membership.pk is None:
                membership_grant(user=form.instance, office=membership.office, role=membership.role, actor=request.user)
