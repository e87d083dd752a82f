"""Running `ayneh` commands as separate processes on their own file-backed SQLite database, as an operator
would — for the tests that kill a process or need a real background worker."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
DATABASE_FILE = "ayneh.sqlite3"


def ayneh(args: list[str], data_dir: Path, **env: str) -> subprocess.Popen[str]:
    """Start `ayneh ARGS` with `data_dir` as its data folder and database (whatever the suite runs on), with
    the embedded defaults (the database task queue) unless `env` says otherwise."""
    inherited = {key: value for key, value in os.environ.items() if key not in {"AYNEH_TASKS_BACKEND", "DATABASE_URL"}}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "AYNEH_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / DATABASE_FILE}",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ayneh.cli", *args],
        cwd=REPO_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str], timeout: float = 300) -> str:
    """Wait for the process; its output, or an assertion error with its stderr if it failed."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return out


def migrated_folder(folder: Path) -> Path:
    finished(ayneh(["migrate", "--verbosity", "0"], folder))
    return folder


def copy_of(template: Path, destination: Path) -> Path:
    shutil.copytree(template, destination)
    return destination


def query(data_dir: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read the process's database (read-only, so a writer is never disturbed)."""
    with sqlite3.connect(f"file:{data_dir / DATABASE_FILE}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(sql).fetchall()
