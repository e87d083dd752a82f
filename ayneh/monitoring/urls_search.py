"""Monitoring: the search pages (included by ayneh.monitoring.urls under the "monitoring" namespace)."""

from django.urls import URLPattern, URLResolver, path

from ayneh.monitoring.views import search

urlpatterns: list[URLPattern | URLResolver] = [
    path("search/", search.search, name="search"),
    path("search.<slug:fmt>", search.search_export, name="search-export"),
]
