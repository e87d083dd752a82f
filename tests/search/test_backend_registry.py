"""settings.SEARCH_BACKEND chooses the backend; "auto" follows the database."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings

from ayneh.search.backends import BACKENDS, get_backend


def test_auto_picks_the_backend_of_the_database_in_use() -> None:
    with override_settings(SEARCH_BACKEND="auto"):
        assert get_backend().vendor == connection.vendor


def test_naming_the_backend_of_the_database_in_use_works() -> None:
    name = {"sqlite": "sqlite", "postgresql": "postgresql"}[connection.vendor]

    with override_settings(SEARCH_BACKEND=name):
        assert get_backend().name == name


def test_it_refuses_a_backend_that_cannot_run_on_this_database() -> None:
    other = next(name for name, backend in BACKENDS.items() if backend.vendor != connection.vendor)

    with override_settings(SEARCH_BACKEND=other), pytest.raises(ImproperlyConfigured, match="needs a"):
        get_backend()


def test_it_refuses_an_unknown_backend_name() -> None:
    with override_settings(SEARCH_BACKEND="elasticsearch"), pytest.raises(ImproperlyConfigured, match="not one of"):
        get_backend()
