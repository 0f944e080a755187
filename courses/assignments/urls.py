from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "assignments"
urlpatterns = [
    path("<id:lesson_id>/<slug:block_id>/", views.assignment_view, name="detail"),
    path("berkas/<id:submission_id>/", views.download_view, name="download"),
]
