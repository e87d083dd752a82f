"""`ayneh fetch_sources`: fetch the feed sources that are due (never fetched, or past their interval).

Once by default (for cron); `--every SECONDS` keeps going; `--background` queues one task per source for
the workers instead of fetching here.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ayneh.monitoring import services, sources
from ayneh.monitoring.models import Source
from ayneh.monitoring.tasks import source_fetch_run


class Command(BaseCommand):
    help = "Fetch the feed sources that are due, once or every N seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=float, metavar="SECONDS", help="Keep fetching, checking this often.")
        parser.add_argument("--background", action="store_true", help="Queue the fetches for the workers.")

    def handle(self, *args: Any, every: float | None, background: bool, **options: Any) -> None:
        while True:
            for source_id in services.sources_claim_due():
                if background:
                    source_fetch_run.enqueue(source_id=source_id)
                    continue
                source = Source.objects.select_related("outlet").get(pk=source_id)
                report = sources.source_fetch(source=source)
                outcome = (
                    f"failed: {report.error}"
                    if report.error
                    else "unchanged"
                    if report.not_modified
                    else f"{report.batch.created_count if report.batch else 0} new"
                )
                self.stdout.write(f"{source}: {outcome}")
            if every is None:
                return
            time.sleep(every)
