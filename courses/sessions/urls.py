from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "livesessions"
urlpatterns = [
    path("<id:session_id>/daftar/", views.register_view, name="register"),
    path("<id:session_id>/kalender.ics", views.calendar_view, name="calendar"),
    path("<id:session_id>/gabung/", views.join_view, name="join"),
    path("<id:session_id>/kode/", views.code_view, name="code"),
    path("<id:session_id>/kehadiran/", views.attendance_view, name="attendance"),
    path(
        "<id:session_id>/kehadiran/daftar-hadir/",
        views.classroom_register_view,
        name="classroom_register",
    ),
    path("<id:session_id>/kehadiran/impor/", views.import_view, name="import"),
    path(
        "<id:session_id>/kehadiran/impor/<id:import_id>/",
        views.import_check_view,
        name="import_check",
    ),
]
