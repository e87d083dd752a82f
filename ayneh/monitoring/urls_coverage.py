"""Monitoring: the coverage pages (included by ayneh.monitoring.urls under the "monitoring" namespace)."""

from django.urls import URLPattern, URLResolver, path

from ayneh.monitoring.views import coverage

urlpatterns: list[URLPattern | URLResolver] = [
    path("", coverage.home, name="home"),
    path("export/<slug:name>.<slug:fmt>", coverage.coverage_export, name="export"),
    path("releases/<uuid:key>/pickups/", coverage.release_pickups, name="release-pickups"),
    path("releases/<uuid:key>/pickups.<slug:fmt>", coverage.release_pickups_export, name="release-pickups-export"),
    path("pickups/<int:pk>/decide/", coverage.pickup_decide, name="pickup-decide"),
]
