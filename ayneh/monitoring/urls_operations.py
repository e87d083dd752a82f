"""Monitoring: the operations pages (included by ayneh.monitoring.urls under the "monitoring" namespace)."""

from django.urls import URLPattern, URLResolver, path

from ayneh.monitoring.views import operations

urlpatterns: list[URLPattern | URLResolver] = [
    path("operations/", operations.operations_home, name="operations"),
    path("operations/outlets/new/", operations.outlet_new, name="operations-outlet-new"),
    path("operations/sources/new/", operations.source_new, name="operations-source-new"),
    path("operations/sources/<int:pk>/fetch/", operations.source_fetch, name="operations-source-fetch"),
    path("operations/imports/new/", operations.archive_upload, name="operations-upload"),
    path("operations/imports/<int:pk>/", operations.batch_detail, name="operations-batch"),
    path("operations/imports/<int:pk>/progress/", operations.batch_progress, name="operations-batch-progress"),
    path("operations/imports/<int:pk>/cancel/", operations.batch_cancel, name="operations-batch-cancel"),
    path("operations/imports/<int:pk>/resume/", operations.batch_resume, name="operations-batch-resume"),
]
