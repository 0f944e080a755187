from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "evaluation"
urlpatterns = [
    path(
        "kursus/<id:course_id>/evaluasi/",
        views.evaluation_form_view,
        name="form",
    ),
    path("evaluasi-atasan/", views.supervisor_surveys, name="supervisor_surveys"),
    path(
        "evaluasi-atasan/<id:survey_id>/",
        views.supervisor_survey,
        name="supervisor_survey",
    ),
    path("hr/evaluasi-atasan/", views.hr_level3, name="hr_level3"),
    path("hr/evaluasi-atasan/hasil.csv", views.hr_level3_csv, name="hr_level3_csv"),
    path("hr/evaluasi-atasan/hasil.xlsx", views.hr_level3_xlsx, name="hr_level3_xlsx"),
    path("hr/evaluasi/", views.hr_index, name="hr_index"),
    path("hr/evaluasi/<id:course_id>/", views.hr_results, name="hr_results"),
    path(
        "hr/evaluasi/<id:course_id>/hasil.csv",
        views.hr_download_csv,
        name="hr_download_csv",
    ),
    path(
        "hr/evaluasi/<id:course_id>/hasil.xlsx",
        views.hr_download_xlsx,
        name="hr_download_xlsx",
    ),
]
