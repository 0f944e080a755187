"""Sigap's URLs. Wagtail serves every page path not matched above it."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import health
from lms.accounts import mfa_views
from lms.accounts import views as account_views


def _to_allauth(pattern_name: str) -> RedirectView:
    return RedirectView.as_view(pattern_name=pattern_name, query_string=True)


# Every sign-in page goes through allauth, so that its rate limits (the sixth wrong
# password within five minutes is refused) and MFA apply everywhere.
SIGN_IN_REDIRECTS = [
    path("cms/login/", _to_allauth("account_login")),
    re_path(r"^cms/password_reset/", _to_allauth("account_reset_password")),
    path("django-admin/login/", _to_allauth("account_login")),
    path("_util/login/", _to_allauth("account_login")),
]

urlpatterns = SIGN_IN_REDIRECTS + [
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # allauth's MFA set-up and recovery codes, going on to where staff were going.
    path(
        "accounts/2fa/totp/activate/",
        mfa_views.activate_totp,
        name="mfa_activate_totp",
    ),
    path(
        "accounts/2fa/authenticate/",
        mfa_views.authenticate,
        name="mfa_authenticate",
    ),
    path(
        "accounts/2fa/recovery-codes/",
        mfa_views.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path("accounts/", include("allauth.urls")),
    path("akun/", include("lms.accounts.urls")),
    # Django's set_language, and a signed-in person's choice stored for them.
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("", include("lms.competencies.urls")),
    path("health/ping", health.ping, name="health_ping"),
    path("health/db", health.database, name="health_db"),
    path("hr/", include("lms.hr.urls")),
    path("lti/", include("lms.lti.urls")),
    path("tim/", include("lms.team.urls")),
    path("notifikasi/", include("lms.notifications.urls")),
    path("diskusi/", include("lms.discussion.urls")),
    path("", include("lms.programmes.urls")),
    path("", include("lms.evaluation.urls")),
    path("", include("certificates.urls")),
    path("kuis/", include("courses.quizzes.urls")),
    path("sesi/", include("courses.sessions.urls")),
    path("tugas/", include("courses.assignments.urls")),
    path("paket/", include("courses.packages.urls")),
    path("", include("courses.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

# Development only (production: the web server, docs/operations.md): Wagtail image
# originals and renditions, and nothing else under MEDIA_URL. Documents stream
# through Wagtail's view, which checks their privacy; private files are not under
# MEDIA_ROOT at all (lms.private_files).
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")
if settings.LOCAL:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/"
            rf"(?P<path>(?:{'|'.join(PUBLIC_MEDIA_FOLDERS)})/[^/]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "lms.resilience.server_error"
