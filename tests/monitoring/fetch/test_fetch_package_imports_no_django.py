"""ayneh.monitoring.fetch is pure Python: importing every module of it, in a fresh interpreter, imports no
Django (so it can be benchmarked and fuzzed alone); and importing the package alone pulls in nothing heavy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]

_EVERY_MODULE = """
import importlib, pkgutil, sys
import ayneh.monitoring.fetch as fetch
names = sorted(m.name for m in pkgutil.walk_packages(fetch.__path__, "ayneh.monitoring.fetch."))
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(len(names), " ".join(leaked))
"""

_PACKAGE_ONLY = """
import sys
import ayneh.monitoring.fetch
print(" ".join(sorted(m for m in ("trafilatura", "lxml", "urllib3", "django") if m in sys.modules)))
"""


def _run(probe: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.strip()


def test_importing_every_fetch_module_leaves_django_unimported() -> None:
    imported, _, leaked = _run(_EVERY_MODULE).partition(" ")

    assert int(imported) >= 12  # urls, addresses, http, decompress, decode, dates, feeds, extract, archives ...
    assert leaked == ""


def test_importing_the_package_alone_loads_no_heavy_dependency() -> None:
    assert _run(_PACKAGE_ONLY) == ""
