from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("kursus-saya/", views.my_courses_view, name="my_courses"),
    path("kursus/<int:course_id>/daftar/", views.enrol_view, name="enrol"),
    path(
        "pelajaran/<int:lesson_id>/selesai/",
        views.complete_lesson_view,
        name="complete_lesson",
    ),
]
