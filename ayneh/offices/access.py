"""Scoped access: which offices a user may act on, read fresh from memberships on every call.

Nothing here is cached in the session, so disabling a user or removing a membership takes effect on the
user's next request.
"""

from typing import Any

from django.db.models import Q, QuerySet

from ayneh.offices.models import Office
from ayneh.offices.roles import Action, roles_allowing


def office_scope_q(*, user: Any, action: Action, field: str = "") -> Q:
    """A filter selecting rows whose office (reached through `field`, e.g. "office__") the user may act on.

    Matches nothing for anonymous or inactive users. Administrators (superusers) see every office.
    """
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return Q(pk__in=[])
    if getattr(user, "is_superuser", False):
        return Q()
    paths = list(
        Office.objects.filter(memberships__user=user, memberships__role__in=roles_allowing(action)).values_list(
            "path", flat=True
        )
    )
    if not paths:
        return Q(pk__in=[])
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}path__startswith": path})
    return q


def offices_for_user(*, user: Any, action: Action) -> QuerySet[Office]:
    """The offices the user may perform `action` on (their membership offices and all below them)."""
    return Office.objects.filter(office_scope_q(user=user, action=action))


def user_can(*, user: Any, office: Office, action: Action) -> bool:
    return offices_for_user(user=user, action=action).filter(pk=office.pk).exists()
