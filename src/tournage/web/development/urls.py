from django.urls import path

from . import views

app_name = "development"
urlpatterns = [
    path("", views.index, name="index"),
    path("benchmark/", views.benchmark, name="benchmark"),
    path("notes/", views.notes, name="notes"),
    path("distribution/", views.distribution, name="distribution"),
    path("cdc/", views.cdc, name="cdc"),
    path("approvals/", views.approvals, name="approvals"),
    path("dossiers/", views.dossiers, name="dossiers"),
]
