from django.urls import path

from . import views

app_name = "hr"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("pegawai/", views.learners, name="learners"),
    path("pegawai/<int:user_id>/", views.transcript, name="transcript"),
]
