import pytest
from django.core.management import call_command

from ayneh.newsroom.services import ReleaseContent, release_create, release_publish, release_submit
from ayneh.search.models import SearchDocument
from ayneh.search.selectors import search_documents
from ayneh.search.services import search_document_remove

pytestmark = pytest.mark.django_db


def test_reindex_rebuilds_a_lost_index_from_the_published_releases(khuzestan, khuzestan_editor, khuzestan_head):
    release = release_create(
        actor=khuzestan_editor, office=khuzestan, content=ReleaseContent(title="آغاز طرح بیمه روستاییان")
    )
    release_publish(release=release_submit(release=release, actor=khuzestan_editor), actor=khuzestan_head)
    draft = release_create(actor=khuzestan_editor, office=khuzestan, content=ReleaseContent(title="بیمه پیش‌نویس"))
    for document in SearchDocument.objects.all():  # lose the index, as after a database move
        search_document_remove(kind=document.kind, key=document.key)
    assert search_documents(query="بیمه").total == 0

    call_command("reindex_releases", verbosity=0)

    assert search_documents(query="بیمه").keys == [str(release.uuid)]
    assert str(draft.uuid) not in search_documents(query="پیش‌نویس").keys
