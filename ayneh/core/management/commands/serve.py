"""`ayneh serve`: the production-grade WSGI server (waitress) for the embedded default.

Static files are served by WhiteNoise from the collected folder, so Ayneh needs no other web server on an
offline government network; a reverse proxy in front is optional.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Serve Ayneh over HTTP with waitress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-collectstatic", action="store_true", help="Skip collecting static files.")

    def handle(self, *args: Any, host: str, port: int, threads: int, no_collectstatic: bool, **options: Any) -> None:
        from waitress import serve

        from ayneh.wsgi import application

        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(
            _("Ayneh is serving on http://%(host)s:%(port)d/ (data: %(data)s)")
            % {"host": host, "port": port, "data": settings.DATA_DIR}
        )
        serve(application, host=host, port=port, threads=threads, ident="ayneh")
