from django.urls import path

from ayneh.newsroom import public_views

app_name = "public"

urlpatterns = [
    path("", public_views.front, name="front"),
]
