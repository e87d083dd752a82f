"""A row's hash, computed before the INSERT, is the hash of what the database gives back: JSON numbers,
IPv6 spellings, times and non-ASCII text read back differently on SQLite and PostgreSQL but hash alike."""

import datetime as dt
import hashlib

import pytest
from django.db import transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import ChainRow, audit_chain_verify, entry_canonical, entry_hash
from ayneh.core.models import GENESIS_HASH, AuditEntry

DATA_THAT_READS_BACK_DIFFERENTLY = [
    {"big": 1e16, "huge": 1e300, "whole": 1.0, "tiny": 1.5e-7, "half": 0.5, "int": 2**70},
    {"tuple": (1, 2), 3: "an int key", "nested": {"b": [1, {"z": None, "a": True}]}},
    {"title": "همایش «روابط عمومی» در اهواز", "zwnj": "می‌شود", "arabic": "كيك ي", "digits": "۱۴۰۳"},
]
ADDRESSES = ["2001:0DB8:0000:0000:0000:0000:0000:0001", "::ffff:192.0.2.1", "192.0.2.44", None]


@pytest.mark.django_db
@pytest.mark.parametrize("data", DATA_THAT_READS_BACK_DIFFERENTLY)
@pytest.mark.parametrize("ip_address", ADDRESSES)
def test_the_hash_of_the_row_read_back_equals_the_hash_written(data: dict, ip_address: str | None) -> None:
    with transaction.atomic():
        written = audit_log(action="release.updated", data=data, ip_address=ip_address)

    read_back = AuditEntry.objects.values_list(*ChainRow._fields).get(pk=written.pk)

    assert entry_hash(ChainRow(*read_back)) == written.hash
    assert audit_chain_verify().intact


def test_the_serialisation_is_one_canonical_json_array() -> None:
    # Pinned: changing the serialisation would make every chain already written fail to verify.
    row = ChainRow(
        id=1,
        seq=7,
        created_at=dt.datetime(2024, 3, 20, 3, 30, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30))),
        actor_id=12,
        office_id=None,
        action="release.published",
        target_type="newsroom.release",
        target_id="41",
        data={"to": "منتشر", "a": 1.0},
        ip_address="2001:db8::1",
        prev_hash=GENESIS_HASH,
        hash="",
    )

    expected = (
        '["ayneh.audit/1",7,"2024-03-20T00:00:00.000000Z",12,null,"release.published","newsroom.release","41",'
        '{"a":1,"to":"منتشر"},"2001:0db8:0000:0000:0000:0000:0000:0001",'
        f'"{GENESIS_HASH}"]'
    ).encode()

    assert entry_canonical(row) == expected
    assert entry_hash(row) == hashlib.sha256(expected).hexdigest()
