from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "team"
urlpatterns = [
    path("", views.index, name="index"),
    path("ingatkan/<id:enrolment_id>/", views.nudge, name="nudge"),
    path("ringkasan/", views.digest_preference, name="digest_preference"),
    path(
        "ringkasan/berhenti/<str:token>/",
        views.digest_opt_out,
        name="digest_opt_out",
    ),
]
