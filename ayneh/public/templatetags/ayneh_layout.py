"""Tags the site layout (templates/base.html) needs: who is signed in where, and whether this is a demo."""

from django import template
from django.conf import settings
from django.db.models import QuerySet

from ayneh.offices.models import Membership

register = template.Library()


@register.simple_tag
def user_memberships(user: object) -> QuerySet[Membership] | list[Membership]:
    """The signed-in user's memberships (office and role), read fresh on every request, in one query.

    Anonymous users have none. The header shows them so a person always knows which office they act for.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    return Membership.objects.filter(user=user).select_related("office").order_by("office__path", "role")


@register.simple_tag
def demo_site() -> bool:
    """True when the whole site runs as the demo (`ayneh demo`): every page then says so."""
    return bool(getattr(settings, "AYNEH_DEMO", False))
