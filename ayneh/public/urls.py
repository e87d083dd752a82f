from django.urls import path

from ayneh.public import views

app_name = "public"

urlpatterns = [
    path("", views.front, name="front"),
]
