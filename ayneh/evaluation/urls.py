"""Evaluation pages: the published national ranking, its files and the office scorecards; the evaluators'
panel (frameworks, periods, ratings, objections); the offices' records and evidence files."""

from django.urls import path

from ayneh.evaluation import views, views_office, views_panel
from ayneh.reports import views as reports_views

app_name = "evaluation"

urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("<uuid:key>/", views.ranking, name="period-ranking"),
    path("<uuid:key>/ranking.xlsx", views.ranking_xlsx, name="ranking-xlsx"),
    path("<uuid:key>/offices/<slug:code>/", views.scorecard, name="scorecard"),
    path("<uuid:key>/ranking.pdf", reports_views.ranking_pdf, name="ranking-pdf"),
    path("<uuid:key>/offices/<slug:code>/scorecard.pdf", reports_views.scorecard_pdf, name="scorecard-pdf"),
    path("<uuid:key>/offices/<slug:code>/objections/", views.objection_file, name="objection-file"),
    # The evaluators' panel.
    path("panel/", views_panel.panel_home, name="panel"),
    path("panel/frameworks/default/", views_panel.framework_default_load, name="panel-framework-default"),
    path("panel/frameworks/<uuid:key>/", views_panel.framework_detail, name="panel-framework"),
    path("panel/frameworks/<uuid:key>/copy/", views_panel.framework_copy, name="panel-framework-copy"),
    path("panel/frameworks/<uuid:key>/axes/<slug:code>/", views_panel.axis_edit, name="panel-axis"),
    path("panel/frameworks/<uuid:key>/indicators/<str:code>/", views_panel.indicator_edit, name="panel-indicator"),
    path("panel/periods/new/", views_panel.period_open, name="panel-period-open"),
    path("panel/periods/<uuid:key>/", views_panel.period_detail, name="panel-period"),
    path("panel/periods/<uuid:key>/compute/", views_panel.period_compute, name="panel-period-compute"),
    path("panel/periods/<uuid:key>/review/", views_panel.period_review, name="panel-period-review"),
    path("panel/periods/<uuid:key>/publish/", views_panel.period_publish, name="panel-period-publish"),
    path("panel/periods/<uuid:key>/ratings/", views_panel.period_scoring, name="panel-scoring"),
    path("panel/periods/<uuid:key>/ratings/<slug:code>/", views_panel.office_scoring, name="panel-office-scoring"),
    path("panel/objections/", views_panel.objection_list, name="panel-objections"),
    path("panel/objections/<uuid:key>/", views_panel.objection_answer, name="panel-objection"),
    # The offices' records and evidence.
    path("records/", views_office.records_home, name="records"),
    path("records/<uuid:key>/<slug:code>/", views_office.office_records, name="office-records"),
    path("files/<uuid:key>/<slug:code>/<str:indicator>/", views_office.evidence_file, name="evidence-file"),
]
