"""Ayneh's settings for the test run: the one settings module, with a throw-away data folder so tests never
touch (or depend on) a developer's data/ — its database, secret key, uploads or collected static files."""

import os
import tempfile

os.environ.setdefault("AYNEH_DATA_DIR", tempfile.mkdtemp(prefix="ayneh-test-"))

from ayneh.settings import *  # noqa: F403

# A real password hash costs ~0.6 s here (PBKDF2, 1.5 M iterations): every persona would pay it. Tests check
# who may sign in, not the hash's strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# SQLite tests run on a file in the throw-away data folder, not Django's shared-cache in-memory database:
# there, a second writer gets "database table is locked" at once instead of waiting on the file lock as the
# embedded default does, so concurrency tests (two approvals racing) could not run on SQLite at all.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405

# Tasks run in the test's own thread and transaction, so a test sees their effects at once.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
