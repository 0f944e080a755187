from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "discussion"
urlpatterns = [
    path("kursus/<id:course_id>/", views.course_index, name="course"),
    path("kursus/<id:course_id>/baru/", views.new_thread, name="new_thread"),
    path("kursus/<id:course_id>/laporan/", views.reports, name="reports"),
    path("pelajaran/<id:lesson_id>/", views.lesson_thread, name="lesson"),
    path("topik/<id:thread_id>/", views.thread, name="thread"),
    path(
        "topik/<id:thread_id>/moderasi/", views.moderate_thread, name="moderate_thread"
    ),
    path("pesan/<id:post_id>/ubah/", views.edit, name="edit"),
    path("pesan/<id:post_id>/laporkan/", views.report, name="report"),
    path("pesan/<id:post_id>/moderasi/", views.moderate_post, name="moderate_post"),
    path(
        "laporan/<id:report_id>/abaikan/", views.dismiss_report, name="dismiss_report"
    ),
    path("ringkasan/", views.digest_preference, name="digest_preference"),
    path(
        "ringkasan/berhenti/<str:token>/",
        views.digest_opt_out,
        name="digest_opt_out",
    ),
]
