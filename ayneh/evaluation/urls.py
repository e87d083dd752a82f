"""Published evaluation pages: the national ranking, its Excel file and the office scorecards."""

from django.urls import path

from ayneh.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("<uuid:key>/", views.ranking, name="period-ranking"),
    path("<uuid:key>/ranking.xlsx", views.ranking_xlsx, name="ranking-xlsx"),
    path("<uuid:key>/offices/<slug:code>/", views.scorecard, name="scorecard"),
]
