"""Tags for the site layout (templates/base.html and its includes): who is signed in where, whether this
is a demo, and page links that keep the other query parameters."""

from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import QuerySet

from ayneh.accounts.models import User
from ayneh.offices.models import Membership

register = template.Library()


@register.simple_tag
def user_memberships(user: User | AnonymousUser) -> QuerySet[Membership] | list[Membership]:
    """The signed-in user's memberships (office and role), read fresh on every request, in one query.

    Anonymous users have none. The header shows them so a person always knows which office they act for.
    """
    if not user.is_authenticated:
        return []
    return Membership.objects.filter(user=user).select_related("office").order_by("office__path", "role")


@register.simple_tag
def demo_site() -> bool:
    """True when the whole site runs as the demo (`ayneh demo`): every page then says so."""
    return bool(getattr(settings, "AYNEH_DEMO", False))


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, number: int) -> str:
    """The current address with `page` set to `number`, keeping every other parameter (query, office)."""
    params = context["request"].GET.copy()
    params["page"] = str(number)
    return "?" + params.urlencode()


@register.filter
def elided_page_range(paginator: Paginator, number: int) -> list[int | str]:
    """Page numbers around `number`, with an ellipsis for long runs: 1 … 4 5 [6] 7 8 … 20."""
    return list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
