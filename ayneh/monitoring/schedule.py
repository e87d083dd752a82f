"""Fetching on a schedule without cron: `ayneh serve` runs a `FetchScheduler` thread.

Why a periodic enqueue in the server process, and not a loop inside a worker: the workers are other
people's code (`db_worker` of django-tasks-db, RQ's worker) and at scale-out they run on other machines, in
any number; the server process is the one place an installation always has. Every
`MONITORING_FETCH_EVERY_SECONDS` the thread calls `sources_fetch_due` in place — one cheap query that
claims the due sources by compare-and-set — and the fetches themselves are queued for the workers. Several
servers (or a cron job running `ayneh fetch_sources --background` besides) never fetch a source twice: a
source is claimed by one of them.

Each tick also resumes the imports whose worker died (`operations.batches_resume_stalled`: running, but no
progress for `MONITORING_BATCH_STALL_SECONDS`), so a killed worker's import finishes without an operator.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)


class FetchScheduler(threading.Thread):
    """Queues the due sources' fetches (and resumes stalled imports) now and then every `every` seconds,
    until `stop()`."""

    def __init__(self, *, every: float) -> None:
        super().__init__(name="ayneh-fetch-scheduler", daemon=True)
        self.every = every
        self._stopped = threading.Event()

    def tick(self) -> list[int]:
        """Claim the due sources and queue a fetch for each; returns their ids ([] after an error, logged:
        the next tick tries again)."""
        from ayneh.monitoring import operations  # models: imported once Django is set up
        from ayneh.monitoring.tasks import sources_fetch_due

        try:
            stalled = dt.timedelta(seconds=float(getattr(settings, "MONITORING_BATCH_STALL_SECONDS", 600)))
            operations.batches_resume_stalled(stalled_after=stalled)
            return sources_fetch_due.call()
        except Exception:
            logger.exception("monitoring: queueing the due fetches failed")
            return []

    def run(self) -> None:
        try:
            while not self._stopped.is_set():
                # Like a request: a connection past its age, or broken, is replaced before each tick.
                close_old_connections()
                self.tick()
                self._stopped.wait(self.every)
        finally:
            connections.close_all()

    def stop(self) -> None:
        self._stopped.set()
