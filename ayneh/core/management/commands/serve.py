"""`ayneh serve`: the production-grade WSGI server (waitress) for the embedded default, with its worker.

Static files are served by WhiteNoise from the collected folder, so Ayneh needs no other web server on an
offline government network; a reverse proxy in front is optional. One background worker is started beside
the server and stopped with it: `ayneh db_worker` on the database queue (the embedded default), or
`ayneh rq_worker` when tasks go to Redis (AYNEH_TASKS_BACKEND=rq). At scale-out, workers run on their own
machines and `--no-worker` leaves them alone.

The server also queues the fetches of the feed, sitemap and listing sources that are due, every
`MONITORING_FETCH_EVERY_SECONDS` (`ayneh.monitoring.schedule`: a periodic enqueue, so an installation
fetches its sources without cron; the fetches run on the workers). `--no-schedule` turns it off.
"""

import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from ayneh.monitoring.schedule import FetchScheduler

WORKER_COMMANDS = {
    "django_tasks_db.DatabaseBackend": ["db_worker", "--queue-name", "*"],
    "django_tasks_rq.RQBackend": ["rq_worker"],
}


class Command(BaseCommand):
    help = "Serve Ayneh over HTTP with waitress (with a task worker and the fetch schedule)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-collectstatic", action="store_true", help="Skip collecting static files.")
        parser.add_argument("--no-worker", action="store_true", help="Do not start a task worker.")
        parser.add_argument("--no-schedule", action="store_true", help="Do not queue the due source fetches.")

    def handle(
        self,
        *args: Any,
        host: str,
        port: int,
        threads: int,
        no_collectstatic: bool,
        no_worker: bool,
        no_schedule: bool,
        **options: Any,
    ) -> None:
        from waitress import serve

        from ayneh.wsgi import application

        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        worker = None
        worker_command = WORKER_COMMANDS.get(settings.TASKS["default"]["BACKEND"])
        if not no_worker and worker_command:
            # The same interpreter and environment (data folder, database, Redis), so the worker sees them.
            worker = subprocess.Popen([sys.executable, "-m", "ayneh.cli", *worker_command])  # noqa: S603
            self.stdout.write(_("Task worker started (process %(pid)d).") % {"pid": worker.pid})
        scheduler = None
        every = float(getattr(settings, "MONITORING_FETCH_EVERY_SECONDS", 0))
        if not no_schedule and every > 0:
            scheduler = FetchScheduler(every=every)
            scheduler.start()
        self.stdout.write(
            _("Ayneh is serving on http://%(host)s:%(port)d/ (data: %(data)s)")
            % {"host": host, "port": port, "data": settings.DATA_DIR}
        )
        try:
            serve(application, host=host, port=port, threads=threads, ident="ayneh")
        finally:
            if scheduler is not None:
                scheduler.stop()
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)
