from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("privasi/", views.privacy_notice, name="privacy_notice"),
    path("profil/", views.profile, name="profile"),
    path("data-saya/", views.my_data, name="my_data"),
    path(
        "data-saya/unduh.<str:fmt>",
        views.my_data_download,
        name="my_data_download",
    ),
    path("data-saya/batasi/", views.my_data_restrict, name="my_data_restrict"),
    path(
        "data-saya/izinkan/",
        views.my_data_lift_restriction,
        name="my_data_lift_restriction",
    ),
    path("data-saya/hapus/", views.my_data_erase, name="my_data_erase"),
]
