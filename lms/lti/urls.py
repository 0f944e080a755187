from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "lti"

urlpatterns = [
    path("login/", views.login_initiation, name="login"),
    path("launch/", views.launch, name="launch"),
    path("pilih-kursus/", views.deep_link, name="deep_link"),
    path("jwks.json", views.jwks, name="jwks"),
    path("kursus/<id:course_id>/", views.course_target, name="course"),
]
