"""Published evaluation pages: the national ranking, its Excel file and the office scorecards."""

from django.urls import path

from ayneh.evaluation import views
from ayneh.reports import views as reports_views

app_name = "evaluation"

urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("<uuid:key>/", views.ranking, name="period-ranking"),
    path("<uuid:key>/ranking.xlsx", views.ranking_xlsx, name="ranking-xlsx"),
    path("<uuid:key>/offices/<slug:code>/", views.scorecard, name="scorecard"),
    path("<uuid:key>/ranking.pdf", reports_views.ranking_pdf, name="ranking-pdf"),
    path("<uuid:key>/offices/<slug:code>/scorecard.pdf", reports_views.scorecard_pdf, name="scorecard-pdf"),
]
