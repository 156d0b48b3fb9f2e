from django.urls import path

from . import offload_views, views

app_name = "followup"
urlpatterns = [
    path("", views.index, name="index"),
    path("call-sheets/", views.callsheets, name="callsheets"),
    path("call-sheets/<str:day>/", views.callsheet, name="callsheet"),
    path("call-sheets/<str:day>/issue/", views.callsheet_issue, name="callsheet_issue"),
    path("call-sheets/<str:day>/send/", views.callsheet_send, name="callsheet_send"),
    path("call-sheets/<str:day>/sheet.pdf", views.callsheet_pdf, name="callsheet_pdf"),
    path("reports/", views.reports, name="reports"),
    path("reports/<str:day>/", views.report, name="report"),
    path("takes/", views.takes, name="takes"),
    path("takes/export.<str:fmt>", views.takes_export, name="takes_export"),
    path("takes/add/<str:kind>/", views.backup_add, name="backup_add"),
    path("offloads/", offload_views.offloads, name="offloads"),
    path("offloads/<int:offload_id>/", offload_views.offload, name="offload"),
    path(
        "offloads/<int:offload_id>/progress/",
        offload_views.offload_progress,
        name="offload_progress",
    ),
    path("offloads/<int:offload_id>/retry/", offload_views.offload_retry, name="offload_retry"),
    path("plan/", views.plan, name="plan"),
    path("plan/<int:milestone_id>/", views.milestone, name="milestone"),
    path("plan/project.ics", views.plan_ics, name="plan_ics"),
    path("plan/phases/", views.plan_phases, name="plan_phases"),
    path("plan/versions/", views.version_add, name="version_add"),
]
