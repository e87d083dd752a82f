"""Reads about accounts."""

from django.db.models import Prefetch, QuerySet

from ayneh.accounts.models import User
from ayneh.offices.models import Membership


def demo_accounts() -> QuerySet[User]:
    """Active demo accounts with their memberships (office and role), for the demo's sign-in hint."""
    memberships = Membership.objects.select_related("office").order_by("office__path", "role")
    return (
        User.objects.filter(is_demo=True, is_active=True)
        .prefetch_related(Prefetch("memberships", queryset=memberships))
        .order_by("username")
    )
