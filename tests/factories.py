"""Small factories for tests: offices, users and memberships with sensible defaults.

Every factory takes keyword-only arguments and fills the rest with unique, real-looking values, so a
test says only what matters to it (`user_make(role=Role.EDITOR, office=khuzestan)`).
"""

import itertools
from typing import Any

from ayneh.accounts.models import User
from ayneh.offices.models import Membership, Office, Tier
from ayneh.offices.roles import Role

# One password for every test user: long and uncommon enough for the password validators.
PASSWORD = "correct-horse-battery-staple-1400"

MINISTRY_CODE = "ministry"
MINISTRY_NAME = "وزارت تعاون، کار و رفاه اجتماعی"

_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def ministry_get_or_make() -> Office:
    """The ministry at the root of the tree (the same code the office registry uses)."""
    office, _created = Office.objects.get_or_create(
        code=MINISTRY_CODE, defaults={"name": MINISTRY_NAME, "tier": Tier.MINISTRY}
    )
    return office


def office_make(
    *,
    code: str | None = None,
    name: str | None = None,
    tier: str = Tier.PROVINCIAL_DG,
    parent: Office | None = None,
    province: str = "",
    aliases: tuple[str, ...] = (),
    **fields: Any,
) -> Office:
    """An office under `parent` (the ministry when not given; pass `tier=Tier.MINISTRY` for a root)."""
    if parent is None and tier != Tier.MINISTRY:
        parent = ministry_get_or_make()
    n = _next()
    code = code or f"office-{n}"
    if name is None:
        name = f"اداره کل تعاون، کار و رفاه اجتماعی استان {province}" if province else f"دفتر آزمایشی {n}"
    office = Office.objects.create(code=code, name=name, tier=tier, parent=parent, province=province, **fields)
    for text in aliases:
        office.aliases.create(text=text)
    return office


def province_office_make(*, province: str, code: str) -> Office:
    """A provincial directorate-general under the ministry, named as the registry names it."""
    return office_make(
        code=code,
        tier=Tier.PROVINCIAL_DG,
        province=province,
        short_name=f"تعاون، کار و رفاه اجتماعی {province}",
    )


def membership_make(*, user: User, office: Office, role: str) -> Membership:
    """Give `user` the `role` on `office` (and so on every office below it)."""
    return Membership.objects.create(user=user, office=office, role=role)


def user_make(
    *,
    username: str | None = None,
    role: str | None = None,
    office: Office | None = None,
    password: str = PASSWORD,
    **fields: Any,
) -> User:
    """A user who can log in with `password`; with `role` and `office`, also a member of that office.

    Extra keyword arguments go to the User (`is_active=False`, `is_superuser=True`, `is_demo=True`, ...).
    """
    if (role is None) != (office is None):
        raise ValueError("user_make: give both role and office, or neither")
    username = username or f"user{_next()}"
    fields.setdefault("display_name", username)
    user = User.objects.create_user(username=username, password=password, **fields)
    if role is not None and office is not None:
        membership_make(user=user, office=office, role=role)
    return user


__all__ = [
    "MINISTRY_CODE",
    "PASSWORD",
    "Role",
    "Tier",
    "membership_make",
    "ministry_get_or_make",
    "office_make",
    "province_office_make",
    "user_make",
]
