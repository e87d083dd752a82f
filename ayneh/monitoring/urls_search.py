"""Monitoring: the search pages (included by ayneh.monitoring.urls under the "monitoring" namespace)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
