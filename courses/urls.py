from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "courses"
urlpatterns = [
    path("kursus-saya/", views.my_courses_view, name="my_courses"),
    path("kursus-saya/kalender/", views.agenda_calendar_view, name="agenda_calendar"),
    path("kalender/<str:key>.ics", views.agenda_feed_view, name="agenda_feed"),
    path("kursus/<id:course_id>/daftar/", views.enrol_view, name="enrol"),
    path(
        "pelajaran/<id:lesson_id>/selesai/",
        views.complete_lesson_view,
        name="complete_lesson",
    ),
    path(
        "pelajaran/<id:lesson_id>/aktif/",
        views.lesson_heartbeat_view,
        name="lesson_heartbeat",
    ),
]
