"""`ayneh import_archive PATH --outlet NAME`: ingest a JSON Lines archive (or a folder of saved pages) with a
progress bar; Ctrl-C stops after the chunk in progress and leaves a batch that `--resume ID` continues.

Each line of a JSON Lines archive is `{"url", "title", "text" or "html", "published", "outlet"}`; records
that name no outlet are filed under `--outlet`. With `--background` the batch is queued for a background
worker (`ayneh db_worker`, or the worker `ayneh serve` starts) and its progress shows in the batch's row.
"""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import BatchStatus, IngestBatch, Outlet, OutletTier, SourceKind


def count_lines(path: Path) -> int:
    """Lines of a file (a last line without a newline counts), read in binary blocks: about a second per GB."""
    lines = 0
    last = b""
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
            last = block
    return lines + (1 if last and not last.endswith(b"\n") else 0)


class _StopOnInterrupt:
    """First Ctrl-C: ask the batch to stop after the chunk in progress. Second: stop at once (the chunk in
    progress rolls back; the batch is still resumable)."""

    def __init__(self, command: BaseCommand) -> None:
        self.requested = False
        self._command = command
        self._previous: Any = None

    def __enter__(self) -> _StopOnInterrupt:
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self._command.stderr.write("\nStopping after the current chunk (Ctrl-C again to stop at once)…")


class Command(BaseCommand):
    help = "Import a JSON Lines archive (or a folder of saved HTML pages) of news articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="A .jsonl file, or a folder of .html pages.")
        parser.add_argument("--outlet", help="The outlet of records that name none (by name).")
        parser.add_argument(
            "--tier",
            choices=[choice.value for choice in OutletTier],
            help="Register --outlet with this tier if it does not exist yet.",
        )
        parser.add_argument("--resume", type=int, metavar="BATCH", help="Continue an interrupted batch.")
        parser.add_argument("--chunk-size", type=int, default=pipeline.DEFAULT_CHUNK_SIZE)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (logs, CI).")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the batch for a background worker (ayneh db_worker) instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batch = self._resumed(options["resume"]) if options["resume"] else self._created(options)
        if options["background"]:
            services.batch_enqueue(batch=batch)
            self.stdout.write(f"Batch {batch.pk} queued: a worker (ayneh db_worker) runs it.")
            return
        self.stdout.write(f"Batch {batch.pk}: {batch.location} (from record {batch.cursor})")
        bar = tqdm(
            total=batch.total,
            initial=batch.cursor,
            unit=" records",
            disable=options["no_progress"],
            dynamic_ncols=True,
        )

        def on_chunk(current: IngestBatch, result: services.ChunkResult) -> None:
            bar.update(current.cursor - bar.n)
            bar.set_postfix(
                stored=current.created_count,
                duplicates=current.duplicate_count,
                failed=current.failed_count,
                pickups=current.pickup_count,
            )

        try:
            with _StopOnInterrupt(self) as interrupt:
                batch = pipeline.batch_run(
                    batch=batch,
                    chunk_size=options["chunk_size"],
                    should_stop=lambda: interrupt.requested,
                    on_chunk=on_chunk,
                )
        except KeyboardInterrupt:
            bar.close()
            raise CommandError(
                f"Interrupted. Resume with: ayneh import_archive --resume {batch.pk}", returncode=130
            ) from None
        bar.close()
        self.stdout.write(
            f"Batch {batch.pk} {batch.status}: {batch.cursor} records, {batch.created_count} stored, "
            f"{batch.duplicate_count} duplicates, {batch.failed_count} failed, {batch.pickup_count} pickups."
        )
        if batch.status != BatchStatus.COMPLETED:
            self.stdout.write(f"Resume with: ayneh import_archive --resume {batch.pk}")

    def _created(self, options: dict[str, Any]) -> IngestBatch:
        if not options["path"]:
            raise CommandError("Give the archive's path, or --resume BATCH.")
        path = Path(options["path"]).expanduser().resolve()
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        kind = SourceKind.HTML_FOLDER if path.is_dir() else SourceKind.JSONL
        total = sum(1 for _ in path.glob("*.htm*")) if path.is_dir() else count_lines(path)
        return services.batch_create(
            kind=kind, location=str(path), outlet=self._outlet(options["outlet"], options["tier"]), total=total
        )

    def _outlet(self, name: str | None, tier: str | None) -> Outlet | None:
        if not name:
            return None
        outlet = Outlet.objects.filter(name=name.strip()).first()
        if outlet is not None:
            return outlet
        if tier is None:
            raise CommandError(f"No outlet named «{name}». Register it in the admin, or pass --tier to create it.")
        return services.outlet_create(name=name, tier=tier)

    def _resumed(self, batch_id: int) -> IngestBatch:
        batch = IngestBatch.objects.filter(pk=batch_id).first()
        if batch is None:
            raise CommandError(f"No batch {batch_id}.")
        if batch.status == BatchStatus.COMPLETED:
            raise CommandError(f"Batch {batch_id} has already completed.")
        path = Path(batch.location)
        if not path.exists():
            raise CommandError(f"Batch {batch_id} reads {path}, which no longer exists.")
        if path.is_file() and count_lines(path) < batch.cursor:
            raise CommandError(f"{path} has fewer records than batch {batch_id} already handled: not the same file.")
        return batch
