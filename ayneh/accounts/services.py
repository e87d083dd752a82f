"""Writes about accounts: the security record of sign-ins and sign-outs, and account changes made by an
administrator. Each runs in one transaction with its audit row."""

import logging
from collections.abc import Iterable
from enum import StrEnum

from django.db import transaction

from ayneh.accounts.models import User
from ayneh.core.audit import audit_log

security_log = logging.getLogger("ayneh.security")

# The username as typed goes into the logs; bounded so a pasted essay cannot flood them.
_MAX_LOGGED_USERNAME = 150

# Account flags whose new values the audit row records; of other fields only the names are recorded
# (never a password hash, and no personal data copied into the append-only log).
_FLAG_FIELDS = ("is_active", "is_staff", "is_superuser", "is_demo")


class LoginFailure(StrEnum):
    BAD_CREDENTIALS = "bad_credentials"  # unknown user, wrong password or disabled account: never told apart
    LOCKED = "locked"  # too many recent failures for the account or the address


def login_record_success(*, user: User, address: str | None) -> None:
    with transaction.atomic():
        audit_log(action="auth.login", actor=user, target=user, ip_address=address)
    security_log.info("login: user=%s address=%s", user.get_username(), address)


def login_record_failure(*, username: str, address: str | None, reason: LoginFailure, now_locked: bool) -> None:
    """Record a refused sign-in. Wrong credentials get an audit row (bounded by the throttle: at most the
    limit per address per window); attempts while locked only reach the security log."""
    shown = username[:_MAX_LOGGED_USERNAME]
    if reason is LoginFailure.LOCKED:
        security_log.warning("login refused while locked: username=%r address=%s", shown, address)
        return
    with transaction.atomic():
        audit_log(
            action="auth.login_failed",
            # The account the attempt was aimed at, if there is one (for the administrator; the person
            # signing in is told nothing either way).
            target=User.objects.filter(username=username).first(),
            data={"username": shown, "reason": str(reason), "locked": now_locked},
            ip_address=address,
        )
    security_log.warning(
        "login failed: username=%r address=%s%s", shown, address, " (now locked)" if now_locked else ""
    )


def logout_record(*, user: User, address: str | None) -> None:
    with transaction.atomic():
        audit_log(action="auth.logout", actor=user, target=user, ip_address=address)
    security_log.info("logout: user=%s address=%s", user.get_username(), address)


def user_save(*, user: User, actor: User, changed_fields: Iterable[str], created: bool) -> User:
    """Save an account edited by an administrator, with one audit row: "user.created", "user.disabled"
    or "user.enabled" when the active flag changed, else "user.updated". A disabled user is signed out on
    their next request (the session's user is re-read and refused because it is inactive)."""
    changed = sorted(set(changed_fields))
    if not created and not changed:
        return user  # nothing to save, nothing to record (e.g. only memberships changed on the same page)
    if created:
        action = "user.created"
    elif "is_active" in changed:
        action = "user.enabled" if user.is_active else "user.disabled"
    else:
        action = "user.updated"
    data: dict[str, object] = {"fields": changed}
    if flags := {name: getattr(user, name) for name in _FLAG_FIELDS if name in changed}:
        data["flags"] = flags
    with transaction.atomic():
        user.save()
        audit_log(action=action, actor=actor, target=user, data=data)
    return user
