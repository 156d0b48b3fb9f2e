from django.urls import path

from . import sets, views

app_name = "screenplay"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("scenes/<int:scene_id>/", views.scene_detail, name="scene"),
    path("scenes/<int:scene_id>/heading/", views.heading_review, name="heading"),
    path("scenes/<int:scene_id>/tags/", views.tag_add, name="tag_add"),
    path("tags/<int:tag_id>/status/", views.tag_status, name="tag_status"),
    path("tags/<int:tag_id>/edit/", views.tag_edit, name="tag_edit"),
    path("nlp/", views.nlp, name="nlp"),
    path("nlp/<str:task_id>/", views.nlp_progress, name="nlp_progress"),
    path("elements/", views.elements, name="elements"),
    path("elements.xlsx", views.elements_xlsx, name="elements_xlsx"),
    path("elements.pdf", views.elements_pdf, name="elements_pdf"),
    path("depouillement.pdf", views.sheets_pdf, name="sheets_pdf"),
    path("versions/<int:version_id>/", views.version_detail, name="version"),
    path("characters/", views.characters, name="characters"),
    path("characters/merge/", views.character_merge, name="character_merge"),
    path("sets/", sets.mapping, name="sets"),
]
