from django.urls import path

from . import editing, views

app_name = "development"
urlpatterns = [
    path("", views.index, name="index"),
    path("benchmark/", views.benchmark, name="benchmark"),
    path("benchmark/import/", views.benchmark_import, name="benchmark_import"),
    path("notes/", views.notes, name="notes"),
    path("distribution/", views.distribution, name="distribution"),
    path("cdc/", views.cdc, name="cdc"),
    path("cdc/version/", views.cdc_freeze, name="cdc_freeze"),
    path("cdc/export.<str:fmt>", views.cdc_export, name="cdc_export"),
    path("approvals/", views.approvals, name="approvals"),
    path("dossiers/", views.dossiers, name="dossiers"),
    path("dossiers/<int:dossier_id>/upload/", views.piece_upload, name="piece_upload"),
    path("dossiers/<int:dossier_id>/dossier.pdf", views.dossier_pdf, name="dossier_pdf"),
    *editing.urlpatterns(),
]
