"""Monitoring pages, in three parts with one owner each: coverage (pickups, outlets, who said what),
article search, and operations (outlets, sources, their health and bulk imports)."""

from django.urls import URLPattern, URLResolver

from ayneh.monitoring.urls_coverage import urlpatterns as coverage_urls
from ayneh.monitoring.urls_operations import urlpatterns as operations_urls
from ayneh.monitoring.urls_search import urlpatterns as search_urls

app_name = "monitoring"

urlpatterns: list[URLPattern | URLResolver] = [*coverage_urls, *search_urls, *operations_urls]
