"""`ayneh reindex_releases`: rebuild the newsroom search index, e.g. after moving from SQLite to PostgreSQL."""

from typing import Any

from django.core.management.base import BaseCommand

from ayneh.newsroom.services import releases_reindex


class Command(BaseCommand):
    help = "Rebuild the search index of every published release."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Indexed {releases_reindex()} published releases.")
