"""Each stored article keeps its near-duplicate sketch, so another worker or a restarted process indexes it
without sketching its text again: the packed sketch indexes exactly as the text does, a restarted index
loads stored articles without reading their texts, and an article stored without a sketch (before the
column existed) is still found, sketched from its text."""

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ayneh.monitoring.models import Article, Outlet
from ayneh.monitoring.services import article_ingest
from ayneh.monitoring.versions import (
    STORED_CONFIRM_SIZE,
    STORED_SAMPLE_SIZE,
    matching_sketches,
    sketch_pack,
    sketch_unpack,
    version_index,
    version_index_reset,
)
from ayneh.text.neardup import sketch_many
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make, outlet_make

STORY = "\n".join(sample.RELEASE_PARAGRAPHS)
ANOTHER_VERSION = "\n".join([sample.CREDIT + sample.RELEASE_PARAGRAPHS[0], *sample.RELEASE_PARAGRAPHS[2:]])
SAMPLED = ("sample_text", "sample_key", "sample_level", "text_level", "fingerprints", "fingerprint_start")
LEVELS = ("fingerprint_level", "level_counts")


def test_a_packed_sketch_is_the_sketch_of_its_text_at_the_index_sizes() -> None:
    texts = [STORY, ANOTHER_VERSION, sample.UNRELATED_TEXT, "کوتاه", ""]

    unpacked = sketch_unpack(sketch_pack(matching_sketches(texts)))
    direct = sketch_many(texts, sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE)

    for name in (*SAMPLED, *LEVELS):
        assert np.array_equal(getattr(unpacked, name), getattr(direct, name)), name


def test_a_sketch_packed_at_other_sizes_is_refused() -> None:
    packed = bytearray(sketch_pack(matching_sketches([STORY]))[0])
    packed[1] += 1  # another index sample size

    with pytest.raises(ValueError, match="cannot be read"):
        sketch_unpack([bytes(packed)])


@pytest.mark.django_db
def test_a_restarted_index_reads_stored_sketches_not_texts(irna: Outlet) -> None:
    other = outlet_make(name="ایسنا")
    first = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1", text=STORY), outlet=irna).article
    assert first is not None
    assert Article.objects.get(pk=first.pk).sketch
    version_index_reset()  # a new process

    with CaptureQueriesContext(connection) as queries:
        version_index().sync()
    later = article_ingest(record=incoming_make(text=ANOTHER_VERSION), outlet=other).article

    assert not [q["sql"] for q in queries.captured_queries if "text_normalized" in q["sql"]]
    assert later is not None
    assert later.version_group == first.version_group


@pytest.mark.django_db
def test_an_article_stored_without_a_sketch_is_sketched_from_its_text(irna: Outlet) -> None:
    other = outlet_make(name="ایسنا")
    first = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1", text=STORY), outlet=irna).article
    assert first is not None
    Article.objects.filter(pk=first.pk).update(sketch=None)  # as stored before the column existed
    version_index_reset()

    later = article_ingest(record=incoming_make(text=ANOTHER_VERSION), outlet=other).article

    assert later is not None
    assert later.version_group == first.version_group
