from django.urls import path, re_path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import vc_views, views
from .services import CODE_PATTERN

app_name = "certificates"

CODE = rf"(?P<code>{CODE_PATTERN})"

urlpatterns = [
    path("v/", views.check_view, name="check"),
    re_path(rf"^v/{CODE}$", views.verify_view, name="verify"),
    re_path(rf"^v/{CODE}/openbadge\.json$", views.badge_view, name="badge"),
    path("v/kredensial/", vc_views.credential_check_view, name="credential_check"),
    path("v/status/<int:number>", vc_views.status_list_view, name="status_list"),
    path(".well-known/jwks.json", vc_views.jwks_view, name="jwks"),
    path(".well-known/did.json", vc_views.did_view, name="did"),
    # Anything else typed after /v/ (a trailing slash, a mistyped or cut-off code).
    path("v/<path:typed>", views.typed_code_view, name="typed_code"),
    path("sertifikat/", views.my_certificates_view, name="mine"),
    re_path(rf"^sertifikat/{CODE}/unduh/$", views.download_view, name="download"),
    re_path(
        rf"^sertifikat/{CODE}/kredensial/$", vc_views.credential_view, name="credential"
    ),
    re_path(
        rf"^sertifikat/{CODE}/kredensial\.jwt$",
        vc_views.credential_download_view,
        name="credential_download",
    ),
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
