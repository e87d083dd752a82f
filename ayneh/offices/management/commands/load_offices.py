"""`ayneh load_offices [PATH]`: make the office tree match the registry file (idempotent)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ayneh.offices.services import offices_load
from ayneh.text.registry import RegistryError


class Command(BaseCommand):
    help = "Load the office registry (default: ayneh/data/offices.json) into the database; safe to re-run."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", nargs="?", default=None, help="a registry file of the same schema")

    def handle(self, *args: Any, path: str | None = None, **options: Any) -> None:
        try:
            report = offices_load(path=path)
        except RegistryError as exc:
            raise CommandError(_("The office registry file is not valid: %(reason)s") % {"reason": exc}) from exc
        if options.get("verbosity", 1) < 1:
            return
        if not report.changed:
            self.stdout.write(
                _("The office registry is already up to date (%(count)s offices).") % {"count": report.unchanged}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Offices created: %(created)s, updated: %(updated)s (moved: %(moved)s), unchanged: %(unchanged)s.")
                % {
                    "created": len(report.created),
                    "updated": len(report.updated),
                    "moved": len(report.moved),
                    "unchanged": report.unchanged,
                }
            )
        )
        self.stdout.write(
            _("Aliases added: %(added)s, removed: %(removed)s.")
            % {"added": report.aliases_added, "removed": report.aliases_removed}
        )
        if report.not_in_registry:
            self.stdout.write(
                self.style.WARNING(
                    ngettext(
                        "%(count)s office in the database is not in the file and was left as it is: %(codes)s",
                        "%(count)s offices in the database are not in the file and were left as they are: %(codes)s",
                        len(report.not_in_registry),
                    )
                    % {"count": len(report.not_in_registry), "codes": ", ".join(report.not_in_registry)}
                )
            )
