"""ayneh.text is a library of its own: importing it, and every module in it, never imports Django."""

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import importlib, pkgutil, sys
import ayneh.text
names = sorted(m.name for m in pkgutil.walk_packages(ayneh.text.__path__, "ayneh.text."))
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(len(names), " ".join(leaked))
"""


def test_importing_every_text_module_leaves_django_unimported() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    imported, _, leaked = result.stdout.strip().partition(" ")
    assert int(imported) >= 10  # normalize, dates, registry, people, attribution, quotes, analyze, cli, ...
    assert leaked == ""
