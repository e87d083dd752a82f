"""`ayneh serve`: the production-grade WSGI server (waitress) for the embedded default, with its worker.

Static files are served by WhiteNoise from the collected folder, so Ayneh needs no other web server on an
offline government network; a reverse proxy in front is optional. When tasks go to the database queue (the
embedded default), one background worker (`ayneh db_worker`) is started beside the server and stopped with
it; at scale-out, workers run on their own machines and `--no-worker` leaves them alone.
"""

import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

DATABASE_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"


class Command(BaseCommand):
    help = "Serve Ayneh over HTTP with waitress (and a task worker on the embedded default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-collectstatic", action="store_true", help="Skip collecting static files.")
        parser.add_argument("--no-worker", action="store_true", help="Do not start a task worker.")

    def handle(
        self, *args: Any, host: str, port: int, threads: int, no_collectstatic: bool, no_worker: bool, **options: Any
    ) -> None:
        from waitress import serve

        from ayneh.wsgi import application

        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        worker = None
        if not no_worker and settings.TASKS["default"]["BACKEND"] == DATABASE_TASKS_BACKEND:
            # The same interpreter and environment (data folder, database), so the worker sees this database.
            worker = subprocess.Popen([sys.executable, "-m", "ayneh.cli", "db_worker", "--queue-name", "*"])
            self.stdout.write(_("Task worker started (process %(pid)d).") % {"pid": worker.pid})
        self.stdout.write(
            _("Ayneh is serving on http://%(host)s:%(port)d/ (data: %(data)s)")
            % {"host": host, "port": port, "data": settings.DATA_DIR}
        )
        try:
            serve(application, host=host, port=port, threads=threads, ident="ayneh")
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)
