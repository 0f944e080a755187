from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import report_views, views

app_name = "quizzes"
urlpatterns = [
    path("<id:quiz_id>/mulai/", views.start_view, name="start"),
    path("<id:quiz_id>/pratinjau/", views.preview_view, name="preview"),
    path("percobaan/<id:attempt_id>/", views.attempt_view, name="attempt"),
    path("percobaan/<id:attempt_id>/simpan/", views.autosave_view, name="autosave"),
    path("percobaan/<id:attempt_id>/ringkasan/", views.summary_view, name="summary"),
    path("percobaan/<id:attempt_id>/kumpulkan/", views.submit_view, name="submit"),
    path("percobaan/<id:attempt_id>/hasil/", views.result_view, name="result"),
    path("<id:quiz_id>/laporan/", report_views.quiz_report_view, name="report"),
    path("<id:quiz_id>/nilai-ulang/", report_views.regrade_view, name="regrade"),
    path(
        "kursus/<id:course_id>/laporan/",
        report_views.course_report_view,
        name="course_report",
    ),
]
