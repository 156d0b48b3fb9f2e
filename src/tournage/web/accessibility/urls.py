from django.urls import path

from . import views

app_name = "accessibility"
urlpatterns = [
    path("", views.index, name="index"),
    path("files/<int:file_id>/", views.file_detail, name="file"),
    path("files/<int:file_id>/original/", views.file_original, name="file_original"),
    path("files/<int:file_id>/corrected.<str:fmt>", views.file_export, name="file_export"),
    path("files/<int:file_id>/recheck/", views.file_recheck, name="file_recheck"),
    path("files/<int:file_id>/delete/", views.file_delete, name="file_delete"),
    path("rgaa/<int:deliverable_id>/", views.rgaa, name="rgaa"),
]
