from django.urls import path

from . import views

app_name = "labor"

urlpatterns = [
    path("", views.index, name="index"),
    path("contracts/new/", views.contract_create, name="contract_create"),
    path("contracts/<int:contract_id>/", views.contract_edit, name="contract_edit"),
    path(
        "contracts/<int:contract_id>/contract.<str:fmt>",
        views.contract_document,
        name="contract_document",
    ),
    path("contracts/<int:contract_id>/signed/", views.contract_signed, name="contract_signed"),
    path("compliance/", views.compliance, name="compliance"),
    path("compliance/from-schedule/", views.plan_from_schedule, name="plan_from_schedule"),
    path("risks/", views.risks, name="risks"),
    path("risks/seed/", views.risks_seed, name="risks_seed"),
    path("risks/breakdown/", views.risks_from_breakdown, name="risks_from_breakdown"),
    path("risks/report.pdf", views.observation_report, name="observation_report"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("planning/", views.planning, name="planning"),
    path("planning/<int:person_id>.ics", views.person_calendar, name="person_calendar"),
    path("analyse/", views.analyse, name="analyse"),
    path("inclusion/", views.inclusion, name="inclusion"),
    path("settings/", views.team_settings, name="settings"),
]
