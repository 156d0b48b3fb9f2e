from django.urls import path

from . import views

app_name = "scheduling"
urlpatterns = [
    path("", views.index, name="index"),
    path("optimise/", views.optimise, name="optimise"),
    path("settings/", views.plan_settings, name="settings"),
    path("tasks/<str:task_id>/", views.progress, name="progress"),
    path("unavailability/", views.add_unavailability, name="unavailability"),
    path("availability/", views.availability_collected, name="availability"),
    path("<int:schedule_id>/", views.board, name="board"),
    path("<int:schedule_id>/accept/", views.accept_view, name="accept"),
    path("<int:schedule_id>/replan/", views.replan, name="replan"),
    path("<int:schedule_id>/move/", views.move, name="move"),
    path("<int:schedule_id>/lock/", views.lock, name="lock"),
    path("<int:schedule_id>/undo/", views.undo_view, name="undo"),
    path("<int:schedule_id>/redo/", views.redo_view, name="redo"),
    path("<int:schedule_id>/recompute/", views.recompute, name="recompute"),
    path("<int:schedule_id>/discard/", views.discard, name="discard"),
    path("<int:schedule_id>/dood/", views.dood, name="dood"),
    path("<int:schedule_id>/stripboard.csv", views.export_file, {"kind": "csv"}, name="csv"),
    path("<int:schedule_id>/stripboard.pdf", views.export_file, {"kind": "pdf"}, name="pdf"),
    path("<int:schedule_id>/problem.json", views.export_file, {"kind": "json"}, name="json"),
    path("<int:schedule_id>/dood.xlsx", views.export_file, {"kind": "dood_xlsx"}, name="dood_xlsx"),
    path("<int:schedule_id>/calendar.ics", views.export_ics, name="ics"),
]
