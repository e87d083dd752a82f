"""Refusals and client addresses: the security log's shared vocabulary.

`refuse` is what every scoped lookup calls when an authenticated user reaches for something outside their
offices: it records the attempt (the "ayneh.security" logger and an "access.refused" audit row) and hands
back a 404 for the caller to raise, so the response gives no hint that the object exists.
"""

import ipaddress
import logging
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest

from ayneh.core.audit import audit_log

security_log = logging.getLogger("ayneh.security")

# Longest target description kept in the audit row's data (the column holding it is JSON, but a
# caller-built string should not be able to flood the log).
_MAX_TARGET_LENGTH = 200


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address as the server saw it (REMOTE_ADDR), or None if it is not a valid address.

    Forwarded headers are not trusted here: a reverse proxy in front of Ayneh must set REMOTE_ADDR to the
    real client (as waitress's and most proxies' trusted-proxy settings do).
    """
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def refuse(request: HttpRequest, *, reason: str, target: str = "", office: Any = None) -> Http404:
    """Record that `request.user` was refused `target` because of `reason`; return the Http404 to raise.

    `reason` is a short machine-readable phrase ("office_scope", "not_reviewer", ...); `target` names what
    was asked for (e.g. "newsroom.release:<uuid>"); `office` is the office that owns it, when the caller
    knows it. The audit row is written in its own transaction: call this from a view, outside any
    transaction that the refusal rolls back.
    """
    user = request.user
    address = client_address(request)
    target = target[:_MAX_TARGET_LENGTH]
    security_log.warning(
        "access refused: user=%s reason=%s target=%s path=%s address=%s",
        user.get_username() if user.is_authenticated else "-",
        reason,
        target,
        request.path,
        address,
    )
    with transaction.atomic():
        audit_log(
            action="access.refused",
            actor=user,
            office=office,
            data={"reason": reason, "target": target, "path": request.path, "method": request.method},
            ip_address=address,
        )
    return Http404()
