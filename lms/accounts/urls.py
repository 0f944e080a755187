from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("privasi/", views.privacy_notice, name="privacy_notice"),
    path("profil/", views.profile, name="profile"),
]
