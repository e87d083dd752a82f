from django.urls import path

from ayneh.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
