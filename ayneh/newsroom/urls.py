from django.urls import path

from ayneh.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("releases/", views.release_list, name="release-list"),
    path("releases/new/", views.release_create, name="release-create"),
    path("releases/<uuid:key>/", views.release_detail, name="release-detail"),
    path("releases/<uuid:key>/edit/", views.release_edit, name="release-edit"),
    path("releases/<uuid:key>/submit/", views.release_submit, name="release-submit"),
    path("releases/<uuid:key>/request-changes/", views.release_request_changes, name="release-request-changes"),
    path("releases/<uuid:key>/publish/", views.release_publish, name="release-publish"),
    path("releases/<uuid:key>/withdraw/", views.release_withdraw, name="release-withdraw"),
    path("releases/<uuid:key>/attachments/", views.attachment_add, name="attachment-add"),
    path(
        "releases/<uuid:key>/attachments/<uuid:attachment>/remove/",
        views.attachment_remove,
        name="attachment-remove",
    ),
    path("review/", views.review_queue, name="review-queue"),
    path("events/", views.event_list, name="event-list"),
    path("events/new/", views.event_create, name="event-create"),
    path("events/<uuid:key>/", views.event_detail, name="event-detail"),
    path("events/<uuid:key>/edit/", views.event_edit, name="event-edit"),
    # Photos and attachments; the view decides who may read each file (see storage.py).
    path("files/<path:name>", views.file_serve, name="file"),
]
