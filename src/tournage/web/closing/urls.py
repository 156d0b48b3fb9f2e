from django.urls import path

from . import views

app_name = "closing"
urlpatterns = [
    path("", views.index, name="index"),
    path("destinations/<int:destination_id>/", views.destination, name="destination"),
    path(
        "destinations/<int:destination_id>/delivery-note.pdf",
        views.delivery_note,
        name="delivery_note",
    ),
    path("items/<int:item_id>/", views.item, name="item"),
    path("marketing/", views.marketing, name="marketing"),
    path("report/", views.report, name="report"),
    path("report.<str:fmt>", views.report_export, name="report_export"),
    path("report/freeze/", views.freeze, name="freeze"),
    path("report/contracts/<int:contract_id>/", views.contract_closure, name="contract_closure"),
    path("report/close/", views.close, name="close"),
]
