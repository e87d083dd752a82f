"""`ayneh rq_worker`: a background task worker on Redis (scale-out), for AYNEH_TASKS_BACKEND=rq.

Runs django-rq's worker on the tasks' queue with Ayneh's job class (`ayneh.core.rq.Job`) and RQ's
SimpleWorker (jobs run in this process: per-process indexes are built once, not per job). Start as many as
the machines allow, on any machine that reaches the database, Redis (REDIS_URL) and the import folder.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

RQ_BACKEND = "django_tasks_rq.RQBackend"


class Command(BaseCommand):
    help = "Run a background task worker on Redis (RQ); needs AYNEH_TASKS_BACKEND=rq and REDIS_URL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--burst", action="store_true", help="Exit once the queue is empty.")
        parser.add_argument("--name", help="The worker's name (unique among the running workers).")
        parser.add_argument("--max-jobs", type=int, help="Exit after this many jobs.")

    def handle(self, *args: Any, burst: bool, name: str | None, max_jobs: int | None, **options: Any) -> None:
        if settings.TASKS["default"]["BACKEND"] != RQ_BACKEND:
            raise CommandError("Tasks do not go to Redis here: set AYNEH_TASKS_BACKEND=rq (and REDIS_URL).")
        call_command(
            "rqworker",
            *settings.TASKS["default"].get("QUEUES", ["default"]),
            job_class="ayneh.core.rq.Job",
            worker_class="rq.worker.SimpleWorker",
            burst=burst,
            name=name,
            max_jobs=max_jobs,
            verbosity=options["verbosity"],
        )
