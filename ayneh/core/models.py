"""The audit log: one append-only row per state change, written in the change's own transaction.

The rows form a hash chain (see ayneh.core.auditchain): each carries a gap-free sequence number, the previous
row's hash and its own hash over its content, and a single-row head remembers the last link. A row edited,
deleted or slipped in with SQL breaks the chain where `ayneh verify_audit` finds it.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The previous hash of the first row: a chain starts from nothing.
GENESIS_HASH = "0" * 64
APPEND_ONLY = "The audit log is append-only."


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError(APPEND_ONLY)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError(APPEND_ONLY)

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        # Rows written in bulk would skip the chain (and its head lock).
        raise PermissionError("Audit rows are written one by one through ayneh.core.audit.audit_log.")


class AuditEntry(models.Model):
    """Who did what to which object, when, in which office. Never updated, never deleted."""

    # Set by the writer (not auto_now_add) because the row's hash covers it and is computed before the INSERT.
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("target type"), max_length=80, blank=True)
    target_id = models.CharField(_("target"), max_length=80, blank=True, db_index=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    # The chain: position (1, 2, 3, ... with no gaps), the previous row's hash, and this row's hash.
    seq = models.PositiveBigIntegerField(_("sequence number"), unique=True, editable=False)
    prev_hash = models.CharField(_("previous hash"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError(APPEND_ONLY)
        if self.seq is None or not self.hash:
            raise PermissionError("Audit rows are written through ayneh.core.audit.audit_log, which chains them.")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError(APPEND_ONLY)


class AuditChainHead(models.Model):
    """The last link of the audit chain, in one row (pk 1). Appends lock it, so two transactions never take
    the same sequence number; verification compares it with the last row, so rows cut off the end show."""

    SINGLETON_PK = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_PK)
    seq = models.PositiveBigIntegerField(_("sequence number"), default=0)
    hash = models.CharField(_("hash"), max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="core_auditchainhead_singleton")]

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"
