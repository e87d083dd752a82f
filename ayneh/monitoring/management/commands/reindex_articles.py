"""`ayneh reindex_articles`: rebuild the search index of monitored articles (after moving from SQLite to
PostgreSQL, a restore, or a change in the office tree, whose paths the office filter uses)."""

from typing import Any

from django.core.management.base import BaseCommand

from ayneh.monitoring.search import articles_reindex


class Command(BaseCommand):
    help = "Rebuild the search index of every monitored article."

    def handle(self, *args: Any, **options: Any) -> None:
        count = articles_reindex()
        self.stdout.write(f"Indexed {count} articles.")
