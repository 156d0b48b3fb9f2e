from django.urls import path

from . import views

app_name = "carbon"
urlpatterns = [
    path("", views.index, name="index"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:activity_id>/delete/", views.activity_delete, name="activity_delete"),
    path("import/", views.import_actuals, name="import"),
    path("locations/<int:location_id>/", views.location_energy, name="location_energy"),
    path("scenarios/new/", views.scenario_create, name="scenario_create"),
    path("scenarios/<int:scenario_id>/delete/", views.scenario_delete, name="scenario_delete"),
    path("checklist/", views.checklist, name="checklist"),
    path("plan/", views.plan_settings, name="plan"),
    path("plan/override/", views.override, name="override"),
    path("plan/travel/", views.travel_modes, name="travel"),
    path("report.pdf", views.report_pdf_view, name="report_pdf"),
    path("report.xlsx", views.report_xlsx_view, name="report_xlsx"),
]
