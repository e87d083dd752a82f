"""The `ayneh` console command.

`ayneh analyze` and `ayneh near-duplicates` belong to the text library and run without Django (fast start,
no database). Everything else is a Django management command: Django's own (`migrate`, `createsuperuser`,
...) and Ayneh's (`demo`, `serve`, `load_offices`, ...).
"""

import os
import sys

TEXT_COMMANDS = frozenset({"analyze", "near-duplicates"})


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in TEXT_COMMANDS:
        from ayneh.text.cli import main as text_main

        return text_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # Settings are read once at start-up: the demo's login page lists the demo accounts.
        os.environ.setdefault("AYNEH_DEMO", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ayneh", *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
