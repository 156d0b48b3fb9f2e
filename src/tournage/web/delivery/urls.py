from django.urls import path

from . import views

app_name = "delivery"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:deliverable_id>/", views.deliverable, name="deliverable"),
    path("<int:deliverable_id>/delete/", views.deliverable_delete, name="deliverable_delete"),
    path("runs/<int:run_id>/", views.run, name="run"),
    path("runs/<int:run_id>/retry/", views.run_retry, name="run_retry"),
    path("runs/<int:run_id>/report.<str:fmt>", views.run_report, name="run_report"),
]
