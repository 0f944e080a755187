from django.urls import path

from . import report_views, views

app_name = "quizzes"
urlpatterns = [
    path("<int:quiz_id>/mulai/", views.start_view, name="start"),
    path("<int:quiz_id>/pratinjau/", views.preview_view, name="preview"),
    path("percobaan/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("percobaan/<int:attempt_id>/simpan/", views.autosave_view, name="autosave"),
    path("percobaan/<int:attempt_id>/ringkasan/", views.summary_view, name="summary"),
    path("percobaan/<int:attempt_id>/kumpulkan/", views.submit_view, name="submit"),
    path("percobaan/<int:attempt_id>/hasil/", views.result_view, name="result"),
    path("<int:quiz_id>/laporan/", report_views.quiz_report_view, name="report"),
    path("<int:quiz_id>/nilai-ulang/", report_views.regrade_view, name="regrade"),
    path(
        "kursus/<int:course_id>/laporan/",
        report_views.course_report_view,
        name="course_report",
    ),
]
