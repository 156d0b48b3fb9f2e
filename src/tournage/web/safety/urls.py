from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("", views.index, name="index"),
    path("duer/", views.duer, name="duer"),
    path("duer/sync/", views.duer_sync, name="duer_sync"),
    path("duer/<int:hazard_id>/", views.hazard_edit, name="hazard_edit"),
    path("duer/duer.pdf", views.duer_pdf, name="duer_pdf"),
    path("briefings/", views.briefings, name="briefings"),
    path("locations/", views.locations, name="locations"),
    path("locations/<int:location_id>/", views.location_check, name="location_check"),
    path("incidents/", views.incidents, name="incidents"),
    path("incidents/<int:incident_id>/", views.incident_edit, name="incident_edit"),
    path("inclusion/", views.inclusion, name="inclusion"),
    path("inclusion/<int:head_of_department_id>/", views.head_edit, name="head_edit"),
    path("inclusion/chefs-de-poste.csv", views.heads_form_csv, name="heads_form_csv"),
]
