from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<id:notification_id>/buka/", views.notification_open, name="open"),
    path("baca-semua/", views.notification_read_all, name="read_all"),
]
