from django.urls import include, path

from . import views

app_name = "productions"

production_urls = [
    path("", views.dashboard, name="dashboard"),
    path("edit/", views.ProductionUpdateView.as_view(), name="edit"),
    path("people/", views.PersonList.as_view(), name="people"),
    path("people/new/", views.PersonCreate.as_view(), name="person_create"),
    path("people/<int:person_id>/", views.PersonUpdate.as_view(), name="person_edit"),
    path("people/<int:person_id>/delete/", views.PersonDelete.as_view(), name="person_delete"),
    path("locations/", views.LocationList.as_view(), name="locations"),
    path("locations/new/", views.LocationCreate.as_view(), name="location_create"),
    path("locations/<int:location_id>/", views.LocationUpdate.as_view(), name="location_edit"),
    path(
        "locations/<int:location_id>/delete/",
        views.LocationDelete.as_view(),
        name="location_delete",
    ),
    path("members/", views.members, name="members"),
    path("members/<int:membership_id>/remove/", views.member_remove, name="member_remove"),
    path("history/", views.history, name="history"),
    path("exports/", views.exports, name="exports"),
    path("exports/<int:export_id>/", views.export_download, name="export_download"),
]

urlpatterns = [
    path("productions/", views.ProductionListView.as_view(), name="list"),
    path("productions/new/", views.ProductionCreateView.as_view(), name="create"),
    path("productions/import/", views.import_archive, name="import"),
    path("p/<int:production_id>/", include(production_urls)),
]
