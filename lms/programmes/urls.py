from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "programmes"
urlpatterns = [
    path("hr/program/", views.programme_list, name="list"),
    path("hr/program/baru/", views.programme_create, name="create"),
    path("hr/program/<id:programme_id>/", views.programme_detail, name="detail"),
    path("hr/program/<id:programme_id>/ubah/", views.programme_edit, name="edit"),
    path("hr/program/<id:programme_id>/aturan/", views.rule_add, name="rule_add"),
    path(
        "hr/program/<id:programme_id>/aturan/<id:rule_id>/nonaktifkan/",
        views.rule_deactivate,
        name="rule_deactivate",
    ),
    path("hr/program/<id:programme_id>/tugaskan/", views.assign, name="assign"),
    path("hr/program/<id:programme_id>/laporan/", views.report, name="report"),
    path(
        "hr/program/<id:programme_id>/laporan/pegawai/",
        views.report_people,
        name="report_people",
    ),
    path(
        "hr/program/<id:programme_id>/laporan.csv",
        views.report_download,
        {"fmt": "csv"},
        name="report_csv",
    ),
    path(
        "hr/program/<id:programme_id>/laporan.xlsx",
        views.report_download,
        {"fmt": "xlsx"},
        name="report_xlsx",
    ),
]
