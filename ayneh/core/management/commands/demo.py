"""`ayneh demo`: everything a new user needs to see Ayneh working, in one command, idempotently."""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from ayneh.core.demo import DEMO_ACCOUNTS, demo_accounts_ensure, demo_content_ensure
from ayneh.evaluation.demo import evaluation_demo_ensure


class Command(BaseCommand):
    help = "Create or upgrade the database, load the office registry and demo content, then serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Prepare the demo and exit.")

    def handle(self, *args: Any, host: str, port: int, no_serve: bool, **options: Any) -> None:
        self.stdout.write(f"Ayneh demo — data folder: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_offices", verbosity=0)
        users = demo_accounts_ensure()
        # The offices' routine demo releases first, so the hand-written showcase releases come out newest.
        evaluation_demo_ensure(evaluator=users["evaluator"], activity_only=True)
        created = demo_content_ensure(users=users)
        evaluation_demo_ensure(evaluator=users["evaluator"])
        self.stdout.write(
            f"Demo content: {created} releases created." if created else "Demo content: already there (reused)."
        )
        base = f"http://{host}:{port}"
        self.stdout.write("")
        self.stdout.write(f"  public newsroom   {base}/")
        self.stdout.write(f"  staff panel      {base}/panel/")
        self.stdout.write(f"  admin            {base}/admin/")
        self.stdout.write(f"  feeds            {base}/feeds/rss.xml  {base}/feeds/atom.xml  {base}/feeds/feed.json")
        self.stdout.write("")
        self.stdout.write(f"  demo logins (password for all: {settings.AYNEH_DEMO_PASSWORD})")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"    {account.username:<18} {account.description}")
        self.stdout.write("")
        if not no_serve:
            call_command("serve", host=host, port=port)
