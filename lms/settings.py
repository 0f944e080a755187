"""Sigap settings: one module, read from the environment, with safe defaults.

Every variable is documented in `.env.example` and the README's configuration table.
"""

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG")
# SIGAP_DEMO (make demo): the conveniences of a local run (plain HTTP, a fixed key,
# local host names, the demo signing key, images served by Django) without Django's
# debug pages, which would show any visitor every URL pattern and, on an error, the
# traceback and settings. DEBUG=1 is for developers only.
SIGAP_DEMO = env_bool("SIGAP_DEMO")
LOCAL = DEBUG or SIGAP_DEMO
TESTING = env_bool("SIGAP_TESTING") or "pytest" in sys.modules

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if LOCAL or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY harus diisi jika DEBUG tidak aktif (SECRET_KEY is required)."
        )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if LOCAL or TESTING else ""
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "lms.accounts",
    "lms.audit",
    "lms.competencies",
    "lms.hr",
    "lms.team",
    "lms.discussion",
    "lms.programmes",
    "lms.evaluation",
    "lms.xapi",
    "lms.notifications",
    "lms.lti",
    "courses",
    "courses.quizzes",
    "courses.sessions",
    "courses.assignments",
    "courses.packages",
    "certificates",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "lms.accounts.admin_site.SigapAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.cache.RequestMemoMiddleware",
    "lms.accounts.middleware.SigapCSPMiddleware",
    "lms.accounts.middleware.SafeFileResponseMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.IndonesianFirstLocaleMiddleware",
    "lms.middleware.MalformedInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.accounts.middleware.StaffMfaRequiredMiddleware",
    "lms.accounts.middleware.ProfileRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "courses.published.PublishedContentMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.notifications.context_processors.notifications",
            ],
        },
    }
]

# Database: SQLite by default (zero set-up); PostgreSQL when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
# Tests on PostgreSQL copy their database from this migrated one (CREATE DATABASE
# ... TEMPLATE, about a second) instead of migrating each from nothing; Django still
# applies any migration the copy lacks. CI migrates once and names it here.
if DATABASES["default"]["ENGINE"].endswith("postgresql") and os.environ.get(
    "SIGAP_DB_TEMPLATE"
):
    DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["SIGAP_DB_TEMPLATE"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: the database by default; Redis (shared by all processes) when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "lms.cache.SigapRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "sigap_cache",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "lms.accounts.backends.CachedModelBackend",
    "lms.accounts.backends.CachedAuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# The Wagtail admin and private pages sign in through allauth (rate limits, MFA).
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
LOGIN_REDIRECT_URL = "courses:my_courses"

# django-allauth: email is the login; verification by email.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Mandatory outside the demo and tests: only then can sign-up answer a taken address
# exactly as a new one ("verification sent", the owner gets an e-mail instead), so
# that it never tells who has an account. "optional" says "already registered".
ACCOUNT_EMAIL_VERIFICATION = os.environ.get(
    "ACCOUNT_EMAIL_VERIFICATION", "optional" if LOCAL or TESTING else "mandatory"
)
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# A signed-in person sent to sign in (e.g. a learner opening /cms/) sees the sign-in
# page (to switch accounts) instead of being bounced back into a redirect loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Sigap] "
# Reverse proxies we run in front of gunicorn (nginx alone: 1). Rate limits and the
# audit trail take the client address from X-Forwarded-For only when this is set:
# the Nth address from the right (lms/client_ip.py); 0 reads REMOTE_ADDR only.
SIGAP_TRUSTED_PROXY_COUNT = env_int("SIGAP_TRUSTED_PROXY_COUNT", 0)
if SIGAP_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "SIGAP_TRUSTED_PROXY_COUNT tidak boleh negatif "
        "(SIGAP_TRUSTED_PROXY_COUNT must not be negative)."
    )
ALLAUTH_TRUSTED_PROXY_COUNT = SIGAP_TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,20/5m/ip",
    "signup": "20/h/ip",
    "reset_password": "5/h/ip,3/h/key",
}
# Single sign-on with an agency's identity provider (OpenID Connect), from the env.


def oidc_providers(environ) -> dict:
    """allauth's SOCIALACCOUNT_PROVIDERS for one OIDC provider, or {} if unset."""
    server_url = environ.get("SIGAP_OIDC_SERVER_URL", "").rstrip("/")
    if not server_url:
        return {}
    return {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": environ.get("SIGAP_OIDC_PROVIDER_ID", "instansi"),
                    "name": environ.get("SIGAP_OIDC_NAME", "SSO Instansi"),
                    "client_id": environ.get("SIGAP_OIDC_CLIENT_ID", ""),
                    "secret": environ.get("SIGAP_OIDC_SECRET", ""),
                    "settings": {"server_url": server_url},
                }
            ],
        }
    }


SIGAP_OIDC_SERVER_URL = os.environ.get("SIGAP_OIDC_SERVER_URL", "").rstrip("/")
SOCIALACCOUNT_PROVIDERS: dict = oidc_providers(os.environ)
# The identity provider vouches for the email: sign the existing account in.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

# Email: console by default; SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sigap <noreply@sigap.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background work: Django's tasks API; the database backend and `db_worker` by default.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

# Indonesian first.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin's own time zone choice: Indonesia's three (lms.accounts.models.TimeZone),
# not every zone Python knows (~600, and on Debian also "localtime", which browsers
# refuse: the account page's script failed on it).
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
# The admin's dashboard would ask releases.wagtail.org for a newer Wagtail from the
# administrator's browser; Sigap's CSP refuses that connection (an error in every
# dashboard's console), and upgrades come through requirements.lock anyway.
WAGTAIL_ENABLE_UPDATE_CHECK = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Development and tests serve static files from the source folders (no collectstatic).
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = LOCAL or TESTING
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Certificates, ZIP bundles, JP-claim evidence and HR job files: outside MEDIA_ROOT,
# never under MEDIA_URL, streamed only by views that check a permission.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)
# Who sends a private file's bytes once the view has said yes: "django" (the view
# streams them), "x-accel-redirect" (nginx, from an `internal` location at
# SIGAP_PRIVATE_FILES_ACCEL_PREFIX) or "x-sendfile" (Apache, lighttpd).
SIGAP_PRIVATE_FILES_SERVE = (
    os.environ.get("SIGAP_PRIVATE_FILES_SERVE", "django").strip().lower() or "django"
)
SIGAP_PRIVATE_FILES_ACCEL_PREFIX = os.environ.get(
    "SIGAP_PRIVATE_FILES_ACCEL_PREFIX", "/_private/"
)
# MEDIA_STORAGE=s3 keeps uploads, certificate PDFs, HR files and bundles in one
# private S3-compatible bucket shared by every web node and task worker. Files are
# served through permission-checked views; URLs the storage hands out (Wagtail
# image renditions) are presigned and expire, since PDFs carry personal data.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "s3":
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME harus diisi jika MEDIA_STORAGE=s3 "
            "(AWS_STORAGE_BUCKET_NAME is required when MEDIA_STORAGE=s3)."
        )
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            # Empty: boto3's own chain (instance role, ~/.aws, AWS_* variables).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "signature_version": "s3v4",
            # Empty AWS_DEFAULT_ACL sends no ACL (buckets with ACLs disabled).
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "private") or None,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE") or 600),
            # Same as FileSystemStorage: a second upload never replaces the first.
            "file_overwrite": False,
        },
    }
    # Private files (certificates, bundles, claim evidence, HR job files) under
    # their own prefix, or bucket, with no CDN domain and never a public ACL: no
    # URL is ever made for them (lms.private_files).
    _private_location = os.environ.get("AWS_PRIVATE_LOCATION", "private").strip("/")
    _private_bucket = (
        os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
        or DEFAULT_STORAGE["OPTIONS"]["bucket_name"]
    )
    if _private_bucket == DEFAULT_STORAGE["OPTIONS"]["bucket_name"] and (
        not _private_location
        or _private_location == DEFAULT_STORAGE["OPTIONS"]["location"].strip("/")
    ):
        raise ImproperlyConfigured(
            "AWS_PRIVATE_LOCATION harus berbeda dari AWS_LOCATION jika berkas privat "
            "disimpan di bucket yang sama (AWS_PRIVATE_LOCATION must differ from "
            "AWS_LOCATION when private files share the bucket)."
        )
    PRIVATE_STORAGE = {
        "BACKEND": "lms.private_s3.PrivateS3Storage",
        "OPTIONS": {
            **DEFAULT_STORAGE["OPTIONS"],
            "bucket_name": _private_bucket,
            "location": _private_location,
            "custom_domain": None,
            "default_acl": "private"
            if DEFAULT_STORAGE["OPTIONS"]["default_acl"]
            else None,
        },
    }
elif MEDIA_STORAGE == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    # The folder is read from PRIVATE_MEDIA_ROOT; it has no URL.
    PRIVATE_STORAGE = {"BACKEND": "lms.private_files.PrivateFileSystemStorage"}
else:
    raise ImproperlyConfigured(
        "MEDIA_STORAGE harus 'filesystem' atau 's3' "
        "(MEDIA_STORAGE must be 'filesystem' or 's3')."
    )


def _media_origins(options: dict) -> list[str]:
    """Where pages load media images from (Content-Security-Policy ``img-src``)."""
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    bucket = options["bucket_name"]
    if options.get("endpoint_url"):
        endpoint = urlsplit(options["endpoint_url"])
        # Path-style or virtual-host addressing, whichever boto3 picks.
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    region = options.get("region_name")
    return [
        f"https://{bucket}.s3.amazonaws.com",
        *([f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []),
    ]


MEDIA_ORIGINS = (
    _media_origins(DEFAULT_STORAGE["OPTIONS"]) if MEDIA_STORAGE == "s3" else []
)
if SIGAP_PRIVATE_FILES_SERVE not in ("django", "x-accel-redirect", "x-sendfile"):
    raise ImproperlyConfigured(
        "SIGAP_PRIVATE_FILES_SERVE harus 'django', 'x-accel-redirect' atau "
        "'x-sendfile' (must be one of these)."
    )
if MEDIA_STORAGE == "s3" and SIGAP_PRIVATE_FILES_SERVE != "django":
    # The web server cannot read the bucket: the view streams what it fetched.
    raise ImproperlyConfigured(
        "SIGAP_PRIVATE_FILES_SERVE harus 'django' jika MEDIA_STORAGE=s3 "
        "(must be 'django' when MEDIA_STORAGE=s3)."
    )

STORAGES = {
    "default": DEFAULT_STORAGE,
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if LOCAL or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = "Sigap"
# No Gravatar: no request leaves for a third party with a hash of staff emails.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt"]
# Uploads are checked by content and size (lms.accounts.uploads); documents and
# every other served file download rather than render in the browser.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lms.accounts.uploads.SafeDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# Documents stream through Wagtail's view (privacy rules checked) on any storage,
# never a redirect to the bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # never SVG
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
SIGAP_MAX_UPLOAD_BYTES = env_int("SIGAP_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Domain settings (docs/domain.md marks these configurable).
SIGAP_MINUTES_PER_JP = env_int("SIGAP_MINUTES_PER_JP", 45)
SIGAP_PNS_JP_TARGET = env_int("SIGAP_PNS_JP_TARGET", 20)
SIGAP_PPPK_JP_CAP = env_int("SIGAP_PPPK_JP_CAP", 24)
# Seconds after a quiz's time limit during which answers are still accepted.
SIGAP_QUIZ_GRACE_SECONDS = env_int("SIGAP_QUIZ_GRACE_SECONDS", 30)
# Learning time (docs/domain.md "Waktu belajar"): words a minute for Indonesian
# expository text, the share (%) of a lesson's estimated time that must pass from
# its first opening before it can be marked done (a course may set its own), and
# the seconds between two heartbeats of an open lesson (each counts at most that).
SIGAP_READING_WPM = env_int("SIGAP_READING_WPM", 180)
SIGAP_MIN_TIME_SHARE = env_int("SIGAP_MIN_TIME_SHARE", 50)
SIGAP_HEARTBEAT_SECONDS = env_int("SIGAP_HEARTBEAT_SECONDS", 30)
if SIGAP_READING_WPM < 1 or SIGAP_HEARTBEAT_SECONDS < 1:
    raise ImproperlyConfigured(
        "SIGAP_READING_WPM dan SIGAP_HEARTBEAT_SECONDS harus positif "
        "(SIGAP_READING_WPM and SIGAP_HEARTBEAT_SECONDS must be positive)."
    )
if not 0 <= SIGAP_MIN_TIME_SHARE <= 100:
    raise ImproperlyConfigured(
        "SIGAP_MIN_TIME_SHARE harus 0-100 (SIGAP_MIN_TIME_SHARE must be 0-100)."
    )
# SCORM and cmi5 packages (courses.packages, docs/interoperability.md): the ZIP
# as uploaded, and what it may inflate to (megabytes, files, compression ratio).
SIGAP_PACKAGE_MAX_UPLOAD_MB = env_int("SIGAP_PACKAGE_MAX_UPLOAD_MB", 100)
SIGAP_PACKAGE_MAX_UNZIPPED_MB = env_int("SIGAP_PACKAGE_MAX_UNZIPPED_MB", 300)
SIGAP_PACKAGE_MAX_FILES = env_int("SIGAP_PACKAGE_MAX_FILES", 3000)
SIGAP_PACKAGE_MAX_RATIO = env_int("SIGAP_PACKAGE_MAX_RATIO", 100)
# Packages made by some authoring tools need eval(); off unless an agency's own
# packages need it (their pages' CSP only, never Sigap's).
SIGAP_PACKAGE_CSP_UNSAFE_EVAL = env_bool("SIGAP_PACKAGE_CSP_UNSAFE_EVAL", False)
# A live session counts as attended with this share of its duration present
# (courses.sessions); a session may set its own.
SIGAP_SESSION_MIN_PRESENCE = float(
    os.environ.get("SIGAP_SESSION_MIN_PRESENCE", "0.8") or "0.8"
)
if not 0 < SIGAP_SESSION_MIN_PRESENCE <= 1:
    raise ImproperlyConfigured(
        "SIGAP_SESSION_MIN_PRESENCE harus di antara 0 dan 1 "
        "(SIGAP_SESSION_MIN_PRESENCE must be between 0 and 1)."
    )

# Retention per record type, in days (0 keeps forever); applied daily by
# lms.accounts.tasks.apply_retention_periods. See docs/privacy.md.
SIGAP_RETENTION_DAYS = {
    "audit.auditevent": env_int("SIGAP_RETENTION_AUDIT_DAYS", 5 * 365),
    "hr.hrjob": env_int("SIGAP_RETENTION_HR_JOB_DAYS", 30),
    "hr.reminderlog": env_int("SIGAP_RETENTION_REMINDER_LOG_DAYS", 2 * 365),
    # A supervisor's nudges and weekly digests are reminders too.
    "team.nudge": env_int("SIGAP_RETENTION_REMINDER_LOG_DAYS", 2 * 365),
    "team.digestsent": env_int("SIGAP_RETENTION_REMINDER_LOG_DAYS", 2 * 365),
    "accounts.datarequest": env_int("SIGAP_RETENTION_DATA_REQUEST_DAYS", 5 * 365),
    # An uploaded attendance report keeps other people's e-mails; the attendance
    # it recorded stays.
    "livesessions.attendanceimport": env_int(
        "SIGAP_RETENTION_ATTENDANCE_IMPORT_DAYS", 90
    ),
    "django_tasks_database.dbtaskresult": env_int("SIGAP_RETENTION_TASK_DAYS", 30),
    "xapi.xapistatement": env_int("SIGAP_RETENTION_XAPI_SENT_DAYS", 90),
    "lti.ltiscore": env_int("SIGAP_RETENTION_LTI_SENT_DAYS", 90),
}
# Run by lms.accounts.privacy.erase_person before the identity goes (the lower
# layer runs what higher ones registered); each returns data for the audit event.
SIGAP_ERASURE_STEPS = [
    "lms.hr.erasure.note_national_export",
    "lms.hr.siasn_sync.forget_person",
    "lms.evaluation.services.forget_evaluation_receipts",
    "lms.evaluation.level3.forget_supervisor_surveys",
    "lms.xapi.services.forget_person",
    "courses.assignments.services.forget_submissions",
    "lms.notifications.services.forget_notifications",
    "lms.discussion.services.forget_person",
    "lms.lti.services.forget_person",
    "courses.packages.services.forget_person",
]
# Run by lms.emails.send_email for an e-mail sent with a ``link`` (a Sigap address),
# with ``to=``, ``kind=``, ``title=`` (the subject) and ``link=``: the e-mail is also
# an in-app notification (lms.notifications).
SIGAP_NOTIFICATION_STEPS = ["lms.notifications.services.record_email"]
# Sections of the learner's dashboard ("Kursus saya") from layers above courses,
# in this order, each with ``user=`` (courses.dashboard).
SIGAP_LEARNER_DASHBOARD_STEPS = ["lms.programmes.dashboard.programme_section"]
# Reminder kinds of layers above lms.hr (docs/hr.md, "Pengingat"): run by
# lms.hr.reminders.due_reminders with ``now=`` and ``people=`` (a User queryset, or
# None for everyone), each returning a list of lms.hr.reminders.DueReminder; the
# daily job, HR's reminders page and its "Kirim sekarang" send them with HR's own.
SIGAP_REMINDER_STEPS = ["lms.programmes.reminders.due_reminders"]
# Their history on HR's reminders page: each with ``people=`` and ``limit=``,
# returning a list of lms.hr.reminders.SentReminder.
SIGAP_REMINDER_HISTORY_STEPS = ["lms.programmes.reminders.sent_reminders"]
# What later runs will send (the page's "Terjadwal"): each with ``today=``,
# ``until=`` and ``people=``, returning lms.hr.reminders.ScheduledReminder.
SIGAP_REMINDER_SCHEDULE_STEPS = ["lms.programmes.reminders.scheduled_reminders"]
# Run by courses.services.complete_enrolment, in this order, inside the completion's
# transaction, each with ``enrolment=`` (see docs/architecture.md, "Completion").
SIGAP_COMPLETION_STEPS = [
    "lms.competencies.services.credit_completion",
    "lms.competencies.services.record_evidence",
    "certificates.tasks.queue_certificate",
    "lms.hr.siasn_sync.enqueue_completion",
    "lms.xapi.services.record_course_completed",
    "lms.programmes.services.note_course_completed",
    "lms.lti.services.queue_completion_score",
]
# Run after people are created or changed (HR's staff import, a profile saved),
# with ``user_ids=`` and, for a change made by an HR officer, ``by=`` (a step may
# return an lms.hr HrJob the officer can follow: the import's page links to it),
# inside the change's transaction: programme rules look at them again once it
# commits (docs/hr.md, "Program pelatihan").
SIGAP_PEOPLE_CHANGED_STEPS = ["lms.programmes.evaluation.queue_rule_evaluation"]
# Learning events for the layers above (xAPI statements, docs/interoperability.md),
# each run inside the event's transaction by the service that records the event.
# Run by courses.services.note_lesson_opened when it writes an opening down (at
# most every 5 minutes per lesson), with ``enrolment=`` and ``lesson=``.
SIGAP_LESSON_OPENED_STEPS = ["lms.xapi.services.record_lesson_opened"]
# Run by courses.services.mark_lesson_complete when a lesson is newly done.
SIGAP_LESSON_DONE_STEPS = ["lms.xapi.services.record_lesson_done"]
# Run by courses.quizzes.services.start_attempt for a new attempt (``attempt=``).
SIGAP_ATTEMPT_STARTED_STEPS = ["lms.xapi.services.record_attempt_started"]
# Run by courses.quizzes.services.close_attempt once an attempt is graded and
# closed (submitted or out of time), with ``attempt=``.
SIGAP_ATTEMPT_CLOSED_STEPS = ["lms.xapi.services.record_attempt_closed"]
# Run by courses.sessions.services.recompute_attendance once per person, when their
# attendance of a live session first reaches its minimum presence, with
# ``enrolment=``, ``session=`` (the session page), ``duration_seconds=`` and ``at=``.
SIGAP_ATTENDANCE_STEPS = ["lms.xapi.services.record_attended"]
# Run by courses.quizzes.regrade for each enrolment whose pre-test or post-test
# score a regrade changed, after the completion rule was looked at again.
SIGAP_REGRADE_STEPS = ["lms.competencies.services.refresh_growth"]
# Run by courses.copying.copy_course inside the copy's transaction, each with
# ``original=``, ``copy=`` and ``user=``: the layers above copy what they own.
SIGAP_COURSE_COPY_STEPS = [
    "courses.quizzes.copying.copy_question_bank",
    "lms.evaluation.services.note_course_run",
]
# Assignments (courses.assignments): no block may accept a file larger than this;
# each block sets its own limit up to it.
SIGAP_ASSIGNMENT_MAX_FILE_MB = env_int("SIGAP_ASSIGNMENT_MAX_FILE_MB", 20)
# HR: national report (riwayat kursus) fields and reminders.
SIGAP_INSTITUSI_PENYELENGGARA = os.environ.get(
    "SIGAP_INSTITUSI_PENYELENGGARA", "BKPSDM (Sigap e-learning)"
)
SIGAP_LOKASI_ID = os.environ.get("SIGAP_LOKASI_ID", "")
SIGAP_HR_XLSX_SYNC_ROWS = env_int("SIGAP_HR_XLSX_SYNC_ROWS", 5000)
# Course evaluation: results of fewer responses than this are never shown, to
# trainers or anyone (docs/evaluation.md). Below 5 a single answer stands out.
SIGAP_EVALUATION_MIN_GROUP = env_int("SIGAP_EVALUATION_MIN_GROUP", 5)
if SIGAP_EVALUATION_MIN_GROUP < 5:
    raise ImproperlyConfigured(
        "SIGAP_EVALUATION_MIN_GROUP minimal 5 "
        "(SIGAP_EVALUATION_MIN_GROUP must be at least 5)."
    )
# Evaluation level 3 (docs/evaluation.md): the learner's direct supervisor is asked
# this many weeks after completion (a course may set its own), reminded once this
# many weeks later if unanswered, and never for a completion older than the wait
# plus the window (no flood of old courses when the feature is switched on).
SIGAP_LEVEL3_WEEKS = env_int("SIGAP_LEVEL3_WEEKS", 8)
SIGAP_LEVEL3_REMINDER_WEEKS = env_int("SIGAP_LEVEL3_REMINDER_WEEKS", 2)
SIGAP_LEVEL3_WINDOW_WEEKS = env_int("SIGAP_LEVEL3_WINDOW_WEEKS", 4)
# What a supervisor's observation weighs as competency evidence, against a passed
# post-test's 1 (docs/competencies.md); below 1 unless the framework says otherwise.
SIGAP_SUPERVISOR_EVIDENCE_WEIGHT = float(
    os.environ.get("SIGAP_SUPERVISOR_EVIDENCE_WEIGHT", "0.5")
)
if not 0 < SIGAP_SUPERVISOR_EVIDENCE_WEIGHT <= 1:
    raise ImproperlyConfigured(
        "SIGAP_SUPERVISOR_EVIDENCE_WEIGHT harus di antara 0 dan 1 "
        "(SIGAP_SUPERVISOR_EVIDENCE_WEIGHT must be between 0 and 1)."
    )
SIGAP_HR_DASHBOARD_CACHE_SECONDS = env_int(
    "SIGAP_HR_DASHBOARD_CACHE_SECONDS", 0 if TESTING else 300
)
SIGAP_HR_IMPORT_SYNC_ROWS = env_int("SIGAP_HR_IMPORT_SYNC_ROWS", 500)
SIGAP_REMINDER_JP_FROM_MONTH = env_int("SIGAP_REMINDER_JP_FROM_MONTH", 7)
SIGAP_REMINDER_WINDOW_DAYS = env_int("SIGAP_REMINDER_WINDOW_DAYS", 14)
# Supervisors (lms.team): nudges to one person about one course at most once per
# this many hours; the weekly digest of overdue items goes out on Mondays from
# this hour (Asia/Jakarta).
SIGAP_TEAM_NUDGE_HOURS = env_int("SIGAP_TEAM_NUDGE_HOURS", 24)
SIGAP_TEAM_DIGEST_HOUR = env_int("SIGAP_TEAM_DIGEST_HOUR", 7)
# Course discussion (lms.discussion): a post can be edited this many minutes after
# it was sent; a person may send this many posts (and as many reports) per period
# ("5/m", "30/h"); the reply digest goes to a person at most every N hours.
SIGAP_DISCUSSION_EDIT_MINUTES = env_int("SIGAP_DISCUSSION_EDIT_MINUTES", 15)
SIGAP_DISCUSSION_POST_RATE = os.environ.get("SIGAP_DISCUSSION_POST_RATE", "5/m")
SIGAP_DISCUSSION_DIGEST_HOURS = env_int("SIGAP_DISCUSSION_DIGEST_HOURS", 24)

# National record sync (SIASN riwayat kursus, docs/interoperability.md): off while
# SIGAP_SIASN_BASE_URL is empty. The gateway's OAuth2 client credentials give the
# bearer token; the SSO token (password grant when a username is set, else client
# credentials) goes in the ``Auth`` header. SIGAP_SIASN_FAKE (demo and tests only)
# answers every call in-process with lms/hr/siasn_fake.py: no network at all.
SIGAP_SIASN_FAKE = env_bool("SIGAP_SIASN_FAKE", SIGAP_DEMO)
SIGAP_SIASN_BASE_URL = os.environ.get(
    "SIGAP_SIASN_BASE_URL", "https://siasn-palsu.invalid" if SIGAP_SIASN_FAKE else ""
).rstrip("/")
SIGAP_SIASN_TOKEN_URL = os.environ.get("SIGAP_SIASN_TOKEN_URL", "")
SIGAP_SIASN_SSO_URL = os.environ.get("SIGAP_SIASN_SSO_URL", "")
SIGAP_SIASN_CLIENT_ID = os.environ.get("SIGAP_SIASN_CLIENT_ID", "")
SIGAP_SIASN_CLIENT_SECRET = os.environ.get("SIGAP_SIASN_CLIENT_SECRET", "")
SIGAP_SIASN_SSO_CLIENT_ID = os.environ.get("SIGAP_SIASN_SSO_CLIENT_ID", "")
SIGAP_SIASN_USERNAME = os.environ.get("SIGAP_SIASN_USERNAME", "")
SIGAP_SIASN_PASSWORD = os.environ.get("SIGAP_SIASN_PASSWORD", "")
SIGAP_SIASN_DOK_ID = os.environ.get("SIGAP_SIASN_DOK_ID", "874")
SIGAP_SIASN_TIMEOUT = float(os.environ.get("SIGAP_SIASN_TIMEOUT", "20"))
SIGAP_SIASN_BATCH = env_int("SIGAP_SIASN_BATCH", 100)
SIGAP_SIASN_MAX_ATTEMPTS = env_int("SIGAP_SIASN_MAX_ATTEMPTS", 10)
SIGAP_SIASN_RETRY_BASE_SECONDS = env_int("SIGAP_SIASN_RETRY_BASE_SECONDS", 60)
SIGAP_SIASN_RETRY_CAP_SECONDS = env_int("SIGAP_SIASN_RETRY_CAP_SECONDS", 6 * 3600)
if SIGAP_SIASN_FAKE and not (LOCAL or TESTING):
    raise ImproperlyConfigured(
        "SIGAP_SIASN_FAKE hanya untuk demo dan pengujian "
        "(SIGAP_SIASN_FAKE is for the demo and tests only)."
    )
if SIGAP_SIASN_TIMEOUT <= 0 or SIGAP_SIASN_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured(
        "SIGAP_SIASN_TIMEOUT dan SIGAP_SIASN_MAX_ATTEMPTS harus positif "
        "(SIGAP_SIASN_TIMEOUT and SIGAP_SIASN_MAX_ATTEMPTS must be positive)."
    )

# xAPI 2.0 statements to a learning record store (docs/interoperability.md): off
# while SIGAP_XAPI_LRS_URL is empty (nothing recorded, nothing sent). The URL is
# the LRS's xAPI base: statements go to ``<URL>/statements`` with basic auth.
SIGAP_XAPI_LRS_URL = os.environ.get("SIGAP_XAPI_LRS_URL", "").rstrip("/")
SIGAP_XAPI_LRS_USERNAME = os.environ.get("SIGAP_XAPI_LRS_USERNAME", "")
SIGAP_XAPI_LRS_PASSWORD = os.environ.get("SIGAP_XAPI_LRS_PASSWORD", "")
SIGAP_XAPI_LRS_TIMEOUT = float(os.environ.get("SIGAP_XAPI_LRS_TIMEOUT", "10"))
SIGAP_XAPI_BATCH = env_int("SIGAP_XAPI_BATCH", 50)
SIGAP_XAPI_MAX_ATTEMPTS = env_int("SIGAP_XAPI_MAX_ATTEMPTS", 20)
SIGAP_XAPI_RETRY_BASE_SECONDS = env_int("SIGAP_XAPI_RETRY_BASE_SECONDS", 60)
SIGAP_XAPI_RETRY_CAP_SECONDS = env_int("SIGAP_XAPI_RETRY_CAP_SECONDS", 6 * 3600)
if SIGAP_XAPI_LRS_TIMEOUT <= 0 or SIGAP_XAPI_MAX_ATTEMPTS < 1 or SIGAP_XAPI_BATCH < 1:
    raise ImproperlyConfigured(
        "SIGAP_XAPI_LRS_TIMEOUT, SIGAP_XAPI_MAX_ATTEMPTS dan SIGAP_XAPI_BATCH harus "
        "positif (SIGAP_XAPI_LRS_TIMEOUT, SIGAP_XAPI_MAX_ATTEMPTS and "
        "SIGAP_XAPI_BATCH must be positive)."
    )

# LTI 1.3 tool (docs/interoperability.md, "LTI"): platforms are registered in the
# admin; these only tune the calls to them (NRPS roster, AGS scores outbox).
SIGAP_LTI_TIMEOUT = float(os.environ.get("SIGAP_LTI_TIMEOUT", "10"))
SIGAP_LTI_MAX_ATTEMPTS = env_int("SIGAP_LTI_MAX_ATTEMPTS", 20)
SIGAP_LTI_RETRY_BASE_SECONDS = env_int("SIGAP_LTI_RETRY_BASE_SECONDS", 60)
SIGAP_LTI_RETRY_CAP_SECONDS = env_int("SIGAP_LTI_RETRY_CAP_SECONDS", 6 * 3600)

# Certificates: the PKCS#12 signing key (unsigned when unset), or another signer
# class (e.g. an institution's BSrE service); the demo key seed_demo writes is used
# only locally (DEBUG or SIGAP_DEMO). Verification page rate limit per client IP.
SIGAP_SIGNING_P12_PATH = os.environ.get("SIGAP_SIGNING_P12_PATH", "")
SIGAP_SIGNING_P12_PASSWORD = os.environ.get("SIGAP_SIGNING_P12_PASSWORD", "")
SIGAP_SIGNER_CLASS = os.environ.get("SIGAP_SIGNER_CLASS", "")
SIGAP_DEMO_SIGNING_P12_PATH = os.environ.get(
    "SIGAP_DEMO_SIGNING_P12_PATH", str(BASE_DIR / "var" / "demo-signing.p12")
)
SIGAP_DEMO_SIGNING_P12_PASSWORD = "sigap-demo-2026"  # noqa: S105 (demo key only)
# Verifiable credentials (certificates/vc_keys.py, docs/interoperability.md): the
# issuer's private key (a PEM file's path or the PEM itself; P-256 or Ed25519), the
# retired keys still published after a rotation (comma-separated PEM paths), and
# where a local run (DEBUG or SIGAP_DEMO) writes its demo key. No key: no credentials.
SIGAP_VC_SIGNING_KEY = os.environ.get("SIGAP_VC_SIGNING_KEY", "")
SIGAP_VC_RETIRED_KEYS = env_list("SIGAP_VC_RETIRED_KEYS")
SIGAP_DEMO_VC_KEY_PATH = os.environ.get(
    "SIGAP_DEMO_VC_KEY_PATH", str(BASE_DIR / "var" / "demo-vc-key.pem")
)
# A BSrE-shaped remote signing service for the certificate PDFs
# (certificates/bsre.py): off while SIGAP_BSRE_URL is empty. Basic-auth account,
# the signer's NIK and passphrase, seconds per call. SIGAP_BSRE_FAKE (tests and
# demo only) answers in-process.
SIGAP_BSRE_URL = os.environ.get("SIGAP_BSRE_URL", "").rstrip("/")
SIGAP_BSRE_USERNAME = os.environ.get("SIGAP_BSRE_USERNAME", "")
SIGAP_BSRE_PASSWORD = os.environ.get("SIGAP_BSRE_PASSWORD", "")
SIGAP_BSRE_NIK = os.environ.get("SIGAP_BSRE_NIK", "")
SIGAP_BSRE_PASSPHRASE = os.environ.get("SIGAP_BSRE_PASSPHRASE", "")
SIGAP_BSRE_TIMEOUT = float(os.environ.get("SIGAP_BSRE_TIMEOUT", "30"))
SIGAP_BSRE_FAKE = env_bool("SIGAP_BSRE_FAKE")
if SIGAP_BSRE_FAKE and not (LOCAL or TESTING):
    raise ImproperlyConfigured(
        "SIGAP_BSRE_FAKE hanya untuk demo dan pengujian "
        "(SIGAP_BSRE_FAKE is for the demo and tests only)."
    )
if SIGAP_BSRE_TIMEOUT <= 0:
    raise ImproperlyConfigured(
        "SIGAP_BSRE_TIMEOUT harus positif (SIGAP_BSRE_TIMEOUT must be positive)."
    )
SIGAP_VERIFY_RATE_LIMIT = os.environ.get("SIGAP_VERIFY_RATE_LIMIT", "60/m")
# Other per-client and per-person limits (n/s, n/m, n/h; lms/ratelimit.py, 429 past
# them): wrong secrets in links without sign-in (calendar feed key, e-mail opt-out
# tokens; only the wrong ones count), the LTI login and launch (anonymous, each
# login writes a state row), and buttons that send e-mail (per person).
SIGAP_SECRET_LINK_MISS_RATE = os.environ.get("SIGAP_SECRET_LINK_MISS_RATE", "30/m")
SIGAP_LTI_RATE_LIMIT = os.environ.get("SIGAP_LTI_RATE_LIMIT", "120/m")
SIGAP_EMAIL_BUTTON_RATE = os.environ.get("SIGAP_EMAIL_BUTTON_RATE", "30/h")
# Seconds the verification page's HTML is kept in the shared cache (0: never); a
# change to the certificate forgets it at once (certificates/verification.py).
SIGAP_VERIFY_PAGE_SECONDS = int(os.environ.get("SIGAP_VERIFY_PAGE_SECONDS", "300"))
# The predikat printed on a certificate from the post-test percent: "minimum:label"
# pairs separated by ";" (docs/domain.md: configurable), and the one printed for a
# course without a post-test.
SIGAP_PREDIKAT_THRESHOLDS = [
    (int(minimum), label.strip())
    for minimum, _colon, label in (
        pair.partition(":")
        for pair in os.environ.get(
            "SIGAP_PREDIKAT_THRESHOLDS",
            "90:Sangat Memuaskan;80:Memuaskan;70:Baik;0:Cukup",
        ).split(";")
        if pair.strip()
    )
]
SIGAP_PREDIKAT_WITHOUT_SCORE = os.environ.get("SIGAP_PREDIKAT_WITHOUT_SCORE", "Baik")

# Security: HTTPS-only cookies and HSTS outside debug.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (LOCAL or TESTING))
SESSION_COOKIE_SECURE = not (LOCAL or TESTING) and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int(
    "SECURE_HSTS_SECONDS", 0 if LOCAL or TESTING else 31536000
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "lms.errors.csrf_failure"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4): no inline scripts or styles anywhere but
# the Wagtail admin (see lms.accounts.middleware.SigapCSPMiddleware).
_SELF = "'self'"
_VIDEO_HOSTS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "media-src": [_SELF],
        "frame-src": [_SELF, *_VIDEO_HOSTS],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        # Signing in with SSO posts a form that redirects to the identity provider.
        "form-action": [
            _SELF,
            *([SIGAP_OIDC_SERVER_URL] if SIGAP_OIDC_SERVER_URL else []),
        ],
        "frame-ancestors": ["'none'"],
    }
}
SIGAP_CSP_CMS_REPLACE = {
    "script-src": [_SELF, "'unsafe-inline'"],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "frame-ancestors": [_SELF],
}
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if TESTING:
    # Tests run tasks in-process and hash passwords cheaply; nothing else differs.
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))
    # pytest-xdist workers (gw0, gw1, ...) each have a test database of their own;
    # each also gets a Redis database of its own (10 + n), so that a test clearing
    # the cache or counting rate limits never sees another worker's keys.
    _XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
    if REDIS_URL and _XDIST_WORKER.startswith("gw"):
        _WORKER_DB = f"/{10 + int(_XDIST_WORKER[2:])}"
        CACHES["default"]["LOCATION"] = re.sub(
            r"(/\d+)?$", _WORKER_DB, REDIS_URL.split("?")[0], count=1
        )
    PRIVATE_MEDIA_ROOT = Path(
        os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / ".test-private-media")
    )
