"""Login throttling: failure counters per account and per client address, kept in the Django cache.

The counters live in the cache (local memory in the embedded default, Redis at scale), so every web
process sees the same counts. A counter expires `window_seconds` after its last failure; while a counter
is at the limit, sign-in is refused without checking the password. Counters are keyed by what was typed,
whether or not such an account exists, so a locked-out name tells nothing about the accounts there are.
"""

import hashlib
import ipaddress
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, cache

_KEY_PREFIX = "ayneh:login-failures"
# One IPv6 client usually holds a whole /64: counting single addresses would let it rotate freely.
_IPV6_PREFIX_LENGTH = 64


def account_key(username: str) -> str:
    """The cache key for a typed username: case- and width-folded, hashed (no usernames in the cache)."""
    folded = unicodedata.normalize("NFKC", username).strip().casefold()
    return f"{_KEY_PREFIX}:account:{hashlib.sha256(folded.encode()).hexdigest()}"


def address_key(address: str | None) -> str:
    """The cache key for a client address; IPv6 addresses count per /64 network."""
    if address is None:
        return f"{_KEY_PREFIX}:address:unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return f"{_KEY_PREFIX}:address:{ipaddress.ip_network(f'{ip}/{_IPV6_PREFIX_LENGTH}', strict=False)}"
    return f"{_KEY_PREFIX}:address:{ip}"


@dataclass(frozen=True)
class LoginThrottle:
    account_limit: int
    address_limit: int
    window_seconds: int
    store: BaseCache

    @classmethod
    def from_settings(cls) -> "LoginThrottle":
        """LOGIN_FAILURE_LIMIT failures per account (and, unless LOGIN_ADDRESS_FAILURE_LIMIT says otherwise,
        per address) lock sign-in for LOGIN_LOCKOUT_SECONDS after the last failure."""
        account_limit = settings.LOGIN_FAILURE_LIMIT
        return cls(
            account_limit=account_limit,
            address_limit=getattr(settings, "LOGIN_ADDRESS_FAILURE_LIMIT", account_limit),
            window_seconds=settings.LOGIN_LOCKOUT_SECONDS,
            store=cache,
        )

    def is_locked(self, *, username: str, address: str | None) -> bool:
        counts = self.store.get_many([account_key(username), address_key(address)])
        return (
            counts.get(account_key(username), 0) >= self.account_limit
            or counts.get(address_key(address), 0) >= self.address_limit
        )

    def record_failure(self, *, username: str, address: str | None) -> bool:
        """Count one failed sign-in against the account and the address; True if either is now locked."""
        account_count = self._increment(account_key(username))
        address_count = self._increment(address_key(address))
        return account_count >= self.account_limit or address_count >= self.address_limit

    def clear_account(self, *, username: str) -> None:
        """Forget an account's failures after a successful sign-in. The address's count stays: one good
        password must not reset the count of an address that is guessing at other accounts."""
        self.store.delete(account_key(username))

    def _increment(self, key: str) -> int:
        # add + incr is atomic on Redis and on the local-memory cache; touch slides the window so the
        # count lasts `window_seconds` after the latest failure.
        self.store.add(key, 0, timeout=self.window_seconds)
        try:
            count = self.store.incr(key)
        except ValueError:  # expired between add and incr
            self.store.set(key, 1, timeout=self.window_seconds)
            return 1
        self.store.touch(key, timeout=self.window_seconds)
        return count
