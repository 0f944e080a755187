from django.urls import path, re_path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views
from .services import CODE_PATTERN

app_name = "certificates"

CODE = rf"(?P<code>{CODE_PATTERN})"

urlpatterns = [
    path("v/", views.check_view, name="check"),
    re_path(rf"^v/{CODE}$", views.verify_view, name="verify"),
    re_path(rf"^v/{CODE}/openbadge\.json$", views.badge_view, name="badge"),
    # Anything else typed after /v/ (a trailing slash, a mistyped or cut-off code).
    path("v/<path:typed>", views.typed_code_view, name="typed_code"),
    path("sertifikat/", views.my_certificates_view, name="mine"),
    re_path(rf"^sertifikat/{CODE}/unduh/$", views.download_view, name="download"),
    re_path(rf"^sertifikat/{CODE}/cabut/$", views.revoke_view, name="revoke"),
    re_path(
        rf"^sertifikat/{CODE}/terbitkan-ulang/$", views.reissue_view, name="reissue"
    ),
    path("sertifikat/kelola/", views.manage_view, name="manage"),
    path(
        "sertifikat/kursus/<id:course_id>/",
        views.course_certificates_view,
        name="course",
    ),
    path(
        "sertifikat/kursus/<id:course_id>/zip/",
        views.bundle_start_view,
        name="bundle_start",
    ),
    path("sertifikat/paket/<id:bundle_id>/", views.bundle_view, name="bundle"),
    path(
        "sertifikat/paket/<id:bundle_id>/unduh/",
        views.bundle_download_view,
        name="bundle_download",
    ),
]
