"""Ayneh's settings for the test run: the one settings module, with a throw-away data folder so tests never
touch (or depend on) a developer's data/ — its database, secret key, uploads or collected static files."""

import os
import tempfile

os.environ.setdefault("AYNEH_DATA_DIR", tempfile.mkdtemp(prefix="ayneh-test-"))

from ayneh.settings import *  # noqa: E402, F403
