from django.urls import path

from . import views

app_name = "rights"

urlpatterns = [
    path("", views.index, name="index"),
    path("clearances/", views.clearances, name="clearances"),
    path("clearances/new/", views.clearance_create, name="clearance_create"),
    path("clearances/<int:clearance_id>/", views.clearance_edit, name="clearance_edit"),
    path("clearances/seed/", views.clearances_seed, name="clearances_seed"),
    path("authors/", views.authors, name="authors"),
    path("authors/new/", views.author_create, name="author_create"),
    path("authors/<int:author_contract_id>/", views.author_edit, name="author_edit"),
    path(
        "authors/<int:author_contract_id>/contract.<str:fmt>",
        views.author_document,
        name="author_document",
    ),
    path("permits/", views.permits, name="permits"),
    path("permits/new/", views.permit_create, name="permit_create"),
    path("permits/<int:permit_id>/", views.permit_edit, name="permit_edit"),
    path("release/", views.release, name="release"),
    path("release/plan/", views.plan_edit, name="plan_edit"),
    path("release/steps/new/", views.step_create, name="step_create"),
    path("release/steps/<int:release_step_id>/", views.step_edit, name="step_edit"),
    path("release/ratings/new/", views.rating_create, name="rating_create"),
    path("release/ratings/<int:channel_rating_id>/", views.rating_edit, name="rating_edit"),
    path("release/documents/new/", views.document_create, name="document_create"),
    path(
        "release/documents/<int:destination_document_id>/",
        views.document_edit,
        name="document_edit",
    ),
    path("cuesheet/", views.cuesheet, name="cuesheet"),
    path("cuesheet/import/", views.cuesheet_import, name="cuesheet_import"),
    path("cuesheet/from_edit/", views.cuesheet_rebuild, name="cuesheet_rebuild"),
    path("cuesheet/<int:cue_id>/", views.cue_edit, name="cue_edit"),
    path("cuesheet/export.<str:fmt>", views.cuesheet_export, name="cuesheet_export"),
    path("files/<str:kind>/<int:object_id>/", views.file_download, name="file"),
]
