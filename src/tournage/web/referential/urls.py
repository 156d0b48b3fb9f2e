from django.urls import path

from . import views

app_name = "referential"
urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("history/record/", views.record, name="record"),
    path("portfolio.<str:fmt>", views.export, name="export"),
    path("<str:row_id>/", views.row, name="row"),
    path("<str:row_id>/judgements/<int:item>/", views.judge, name="judge"),
]
