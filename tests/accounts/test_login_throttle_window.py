"""The throttle's counters: a lock lasts the window after the last failure, then lifts; Redis works too."""

import uuid
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache

from ayneh.accounts.throttle import LoginThrottle, account_key, address_key


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Drive the local-memory cache's expiry clock (and only it) by hand."""
    fake = FakeClock()
    monkeypatch.setattr("django.core.cache.backends.locmem.time", SimpleNamespace(time=fake.time))
    monkeypatch.setattr("django.core.cache.backends.base.time", SimpleNamespace(time=fake.time))
    return fake


def _throttle(store: BaseCache) -> LoginThrottle:
    return LoginThrottle(account_limit=3, address_limit=5, window_seconds=600, store=store)


def test_the_lock_lifts_a_window_after_the_last_failure(clock: FakeClock) -> None:
    throttle = _throttle(LocMemCache("throttle-window", {}))
    for _ in range(3):
        throttle.record_failure(username="ali", address="192.0.2.1")
        clock.now += 100
    assert throttle.is_locked(username="ali", address="192.0.2.9")
    clock.now += 450  # 550 s after the last failure: still locked
    assert throttle.is_locked(username="ali", address="192.0.2.9")
    clock.now += 60  # 610 s after the last failure
    assert not throttle.is_locked(username="ali", address="192.0.2.9")


def test_attempts_while_locked_do_not_extend_the_lock(clock: FakeClock) -> None:
    throttle = _throttle(LocMemCache("throttle-locked", {}))
    for _ in range(3):
        throttle.record_failure(username="ali", address="192.0.2.1")
    for _ in range(10):
        clock.now += 60
        throttle.is_locked(username="ali", address="192.0.2.1")  # what the form does while locked
    assert not throttle.is_locked(username="ali", address="192.0.2.1")


def test_the_address_limit_is_separate_from_the_account_limit() -> None:
    throttle = _throttle(LocMemCache("throttle-address", {}))
    for n in range(4):
        assert not throttle.record_failure(username=f"user-{n}", address="192.0.2.1")
    assert throttle.record_failure(username="user-4", address="192.0.2.1")
    assert throttle.is_locked(username="anyone", address="192.0.2.1")


def test_keys_hold_no_usernames_and_fold_case() -> None:
    assert "ali" not in account_key("ali")
    assert account_key("Ali ") == account_key("ali")
    assert address_key("2001:db8::1") == address_key("2001:db8::ffff:1")
    assert address_key("2001:db8::1") != address_key("2001:db8:0:1::1")
    assert address_key(None).endswith(":unknown")


@pytest.fixture
def redis_store() -> Iterator[BaseCache]:
    """The Redis at 127.0.0.1:6379 (database 15, a throw-away key prefix); skipped where there is none."""
    from django.core.cache.backends.redis import RedisCache

    store = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": f"ayneh-test-{uuid.uuid4().hex}"})
    try:
        store.set("ping", 1, timeout=5)
    except Exception as exc:
        pytest.skip(f"no Redis at 127.0.0.1:6379: {exc}")
    yield store
    store.delete_many([account_key("ali"), address_key("192.0.2.1"), "ping"])


def test_the_throttle_counts_in_redis(redis_store: BaseCache) -> None:
    throttle = _throttle(redis_store)
    for _ in range(3):
        throttle.record_failure(username="ali", address="192.0.2.1")
    assert throttle.is_locked(username="ali", address="192.0.2.2")
    assert redis_store.get(account_key("ali")) == 3
    throttle.clear_account(username="ali")
    assert not throttle.is_locked(username="ali", address="192.0.2.2")
