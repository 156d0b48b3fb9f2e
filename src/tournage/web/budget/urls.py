from django.urls import path

from .views import costs, devis, financing

app_name = "budget"
urlpatterns = [
    path("", devis.index, name="index"),
    path("versions/new/", devis.version_new, name="version_new"),
    path("versions/import/", devis.devis_import, name="devis_import"),
    path("versions/<int:version_id>/", devis.devis, name="devis"),
    path("versions/<int:version_id>/settings/", devis.version_edit, name="version_edit"),
    path("versions/<int:version_id>/lines/new/", devis.line_edit, name="line_new"),
    path("versions/<int:version_id>/lines/<int:line_id>/", devis.line_edit, name="line_edit"),
    path(
        "versions/<int:version_id>/lines/<int:line_id>/delete/",
        devis.line_delete,
        name="line_delete",
    ),
    path("versions/<int:version_id>/globals/new/", devis.global_edit, name="global_new"),
    path(
        "versions/<int:version_id>/globals/<int:global_id>/", devis.global_edit, name="global_edit"
    ),
    path("versions/<int:version_id>/fringes/", devis.fringe_set, name="fringe_set"),
    path("versions/<int:version_id>/follow-plan/", devis.follow, name="follow_plan"),
    path("compare/", devis.compare_versions, name="compare"),
    path("costs/", costs.costs, name="costs"),
    path("costs/estimate/", costs.estimate_set, name="estimate_set"),
    path("expenses/new/", costs.expense_edit, name="expense_new"),
    path("expenses/import/", costs.expense_import, name="expense_import"),
    path("expenses/import/mapping/", costs.expense_mapping, name="expense_mapping"),
    path("expenses/<int:expense_id>/", costs.expense_edit, name="expense_edit"),
    path("expenses/<int:expense_id>/delete/", costs.expense_delete, name="expense_delete"),
    path("commitments/new/", costs.commitment_edit, name="commitment_new"),
    path("commitments/<int:commitment_id>/", costs.commitment_edit, name="commitment_edit"),
    path(
        "commitments/<int:commitment_id>/delete/", costs.commitment_delete, name="commitment_delete"
    ),
    path("financing/", financing.financing, name="financing"),
    path("financing/profile/", financing.profile_edit, name="profile_edit"),
    path("financing/sources/new/", financing.source_edit, name="source_new"),
    path("financing/sources/<int:source_id>/", financing.source_edit, name="source_edit"),
    path(
        "financing/sources/<int:source_id>/delete/", financing.source_delete, name="source_delete"
    ),
    path("export/<str:fmt>/", devis.export, name="export"),
    path("closing/", costs.closing, name="closing"),
]
