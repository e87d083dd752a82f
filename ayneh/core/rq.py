"""RQ workers for django.tasks (scale-out): the job class `ayneh rq_worker` runs tasks with.

django-tasks-rq's Job calls the django.tasks task a queued job names. Ayneh's workers run jobs in the
worker process itself (RQ's SimpleWorker, no fork per job), so per-process state that is costly to build —
the office registry, the near-duplicate and release indexes of monitoring — is built once per worker,
not once per job. A long-lived process must then look after its database connection the way Django does
around a request: connections past their age or broken are closed before and after each job.
"""

from typing import Any

from django.db import close_old_connections
from django_tasks_rq.backend import Job as TasksJob


class Job(TasksJob):
    def perform(self) -> Any:
        close_old_connections()
        try:
            return super().perform()
        finally:
            close_old_connections()
