"""Template tags of the evaluation pages: the evaluation link of the site's menu and tier names."""

from collections.abc import Iterable
from decimal import Decimal

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _

from ayneh.accounts.models import User
from ayneh.offices.models import Membership, Tier
from ayneh.offices.roles import Action, roles_allowing

register = template.Library()


@register.simple_tag
def evaluation_menu_link(
    user: User | AnonymousUser, memberships: Iterable[Membership] | None = None
) -> dict[str, str] | None:
    """Where the menu's evaluation link leads: the panel for evaluators, the office's evaluation records
    for its editors and head, nowhere for anyone else.

    `memberships`: the user's memberships when the page has read them already (base.html's menu has), so
    the link costs no query of its own; without them, one query reads the user's roles."""
    if not user.is_authenticated:
        return None
    if memberships is None or isinstance(memberships, str):  # a missing template variable renders as ""
        roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    else:
        roles = {membership.role for membership in memberships}
    if user.is_superuser or roles & set(roles_allowing(Action.EVALUATE)):
        return {"url": reverse("evaluation:panel"), "label": _("Evaluation panel")}
    if roles & set(roles_allowing(Action.EDIT)):
        return {"url": reverse("evaluation:records"), "label": _("Evaluation records")}
    return None


@register.filter
def tier_name(code: str) -> str:
    return str(Tier(code).label) if code in Tier.values else code


@register.filter
def weight_text(value: Decimal | float | None) -> str:
    """A weight as typed: 5, 2.5 — never 5.00 or 1E+2."""
    if value is None:
        return ""
    return f"{Decimal(str(value)).normalize():f}"
