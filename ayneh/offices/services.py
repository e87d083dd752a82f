"""Writes to the office registry: loading it from the registry file, moving offices in the tree, and
granting or revoking memberships. Each change runs in one transaction with its audit rows."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from ayneh.core.audit import audit_log
from ayneh.offices.models import Membership, Office, OfficeAlias
from ayneh.text.registry import OfficeEntry, Registry, load_registry

# The Office columns the registry file sets; everything else (is_active, memberships) is the admin's.
REGISTRY_FIELDS = ("name", "short_name", "tier", "province")


@dataclass
class RegistryLoadReport:
    """What one `offices_load` run did, by office code."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    unchanged: int = 0
    aliases_added: int = 0
    aliases_removed: int = 0
    # Offices in the database the file no longer lists: kept (memberships and the audit log point at
    # them); an administrator deactivates them if they are gone for good.
    not_in_registry: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.moved or self.aliases_added or self.aliases_removed)


def offices_load(*, path: str | Path | None = None, actor: Any = None) -> RegistryLoadReport:
    """Make the database's office tree match a registry file (default: ayneh/data/offices.json).

    The file is validated as a whole by `ayneh.text.registry.load_registry` first (a `RegistryError` names
    the office and field at fault) and nothing is written unless it is valid. Offices are upserted by code,
    parents before children; for the offices it lists, the file is the source of truth for name, short
    name, tier, province, parent and aliases (an alias edited in the admin is replaced on the next load).
    Offices the file does not list are left alone and reported. Running it twice changes nothing and
    writes no audit row the second time. One transaction; one audit row per created or changed office.
    """
    registry = load_registry(path)
    report = RegistryLoadReport()
    with transaction.atomic():
        offices = {office.code: office for office in Office.objects.select_for_update()}
        aliases: dict[str, set[str]] = {}
        for code, text in OfficeAlias.objects.values_list("office__code", "text"):
            aliases.setdefault(code, set()).add(text)
        for entry in _parents_first(registry):
            created, changes = _office_upsert(entry=entry, offices=offices, report=report)
            office = offices[entry.code]
            added, removed = _aliases_sync(office=office, current=aliases.get(entry.code, set()), entry=entry)
            if added or removed:
                changes["aliases"] = {"added": sorted(added), "removed": sorted(removed)}
                report.aliases_added += len(added)
                report.aliases_removed += len(removed)
            if created:
                audit_log(action="office.created", actor=actor, office=office, target=office, data=changes)
            elif changes:
                report.updated.append(entry.code)
                audit_log(action="office.updated", actor=actor, office=office, target=office, data=changes)
            else:
                report.unchanged += 1
        report.not_in_registry = sorted(set(offices) - {entry.code for entry in registry})
    return report


def _parents_first(registry: Registry) -> Iterator[OfficeEntry]:
    """The registry's offices in tree order: every office after its parent."""
    pending = list(registry.roots())
    while pending:
        entry = pending.pop(0)
        yield entry
        pending.extend(registry.children(entry.code))


def _office_upsert(
    *, entry: OfficeEntry, offices: dict[str, Office], report: RegistryLoadReport
) -> tuple[bool, dict[str, Any]]:
    """Create or update one office from its registry entry (its parent is already in `offices`).

    Returns (created, {field: [old, new]} for what changed) and keeps `offices` holding current rows.
    """
    wanted = {
        "name": entry.name,
        "short_name": entry.short_name,
        "tier": entry.tier,
        "province": entry.province or "",
    }
    parent = offices[entry.parent] if entry.parent else None
    office = offices.get(entry.code)
    if office is None:
        offices[entry.code] = Office.objects.create(code=entry.code, parent=parent, **wanted)
        report.created.append(entry.code)
        return True, {name: [None, value] for name, value in wanted.items()} | {"parent": [None, entry.parent]}
    changes: dict[str, Any] = {
        name: [getattr(office, name), value] for name, value in wanted.items() if getattr(office, name) != value
    }
    for name in changes:
        setattr(office, name, wanted[name])
    if office.parent_id != (parent.pk if parent else None):
        changes["parent"] = [office.parent.code if office.parent else None, entry.parent]
        _office_reparent(office=office, parent=parent)
        office.save()
        report.moved.append(entry.code)
        # The UPDATE rewrote the paths below the moved office: hold the current rows from here on.
        offices.update((held.code, held) for held in Office.objects.filter(path__startswith=office.path))
    elif changes:
        office.save()
    return False, changes


def _aliases_sync(*, office: Office, current: set[str], entry: OfficeEntry) -> tuple[set[str], set[str]]:
    """Make the office's aliases exactly the entry's; return (added, removed)."""
    wanted = set(entry.aliases)
    added, removed = wanted - current, current - wanted
    if removed:
        OfficeAlias.objects.filter(office=office, text__in=removed).delete()
    if added:
        OfficeAlias.objects.bulk_create(OfficeAlias(office=office, text=text) for text in sorted(added))
    return added, removed


def office_move(*, office: Office, parent: Office | None, actor: Any = None) -> Office:
    """Put `office` under `parent` (None: make it a root) and keep every descendant's path right.

    Raises ValidationError when `parent` is the office itself or one of its descendants (the tree would
    loop). One transaction, one "office.moved" audit row. Returns the office with its new path.
    """
    with transaction.atomic():
        office = Office.objects.select_for_update().get(pk=office.pk)
        if parent is not None:
            parent = Office.objects.get(pk=parent.pk)
        old_parent = office.parent.code if office.parent else None
        if (parent.pk if parent else None) == office.parent_id:
            return office
        _office_reparent(office=office, parent=parent)
        office.save()
        audit_log(
            action="office.moved",
            actor=actor,
            office=office,
            target=office,
            data={"parent": [old_parent, parent.code if parent else None]},
        )
    return office


def _office_reparent(*, office: Office, parent: Office | None) -> None:
    """Re-hang `office` under `parent` and rewrite its descendants' paths in one UPDATE.

    The caller saves `office` itself (its own path follows its parent in Office.save). `parent` must carry
    its current path.
    """
    if parent is not None and (parent.pk == office.pk or parent.path.startswith(office.path)):
        raise ValidationError(
            _("An office cannot be placed under itself or under one of its own sub-offices."), code="cycle"
        )
    old_path = office.path
    office.parent = parent
    new_path = (parent.path if parent else "/") + f"{office.code}/"
    # One UPDATE swaps the old prefix for the new one on every descendant (Substr counts from 1).
    Office.objects.filter(path__startswith=old_path).exclude(pk=office.pk).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
    )


def office_save(*, office: Office, actor: Any, changed_fields: Iterable[str] = ()) -> Office:
    """Save an office edited by a person (the admin): a new parent moves its descendants too.

    One transaction, one audit row: "office.created" for a new office, else "office.updated" listing the
    changed fields. Raises ValidationError if the new parent would make the tree loop.
    """
    changed = sorted(set(changed_fields))
    with transaction.atomic():
        if office.pk is None:
            office.save()
            audit_log(action="office.created", actor=actor, office=office, target=office, data={"fields": changed})
            return office
        stored = Office.objects.select_for_update().get(pk=office.pk)
        if stored.parent_id != office.parent_id:
            new_parent = Office.objects.get(pk=office.parent_id) if office.parent_id else None
            office.path = stored.path
            _office_reparent(office=office, parent=new_parent)
        office.save()
        audit_log(action="office.updated", actor=actor, office=office, target=office, data={"fields": changed})
    return office


def membership_grant(*, user: Any, office: Office, role: str, actor: Any = None) -> Membership:
    """Give `user` the `role` on `office` (and so on every office below it). Idempotent: granting a held
    role returns the existing membership and writes nothing."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(user=user, office=office, role=role)
        if created:
            audit_log(
                action="membership.granted",
                actor=actor,
                office=office,
                target=membership,
                data={"user": user.get_username(), "role": role},
            )
    return membership


def membership_revoke(*, membership: Membership, actor: Any = None) -> None:
    """Take a role away. Access is read from memberships on every request, so it ends at the user's next
    request. One transaction, one "membership.revoked" audit row."""
    with transaction.atomic():
        data = {"user": membership.user.get_username(), "role": membership.role, "membership": membership.pk}
        office = membership.office
        deleted, _by_model = Membership.objects.filter(pk=membership.pk).delete()
        if deleted:
            audit_log(action="membership.revoked", actor=actor, office=office, data=data)
