"""Where media live, read from the environment: the disk by default (``make demo``
needs nothing), a private S3-compatible bucket with ``MEDIA_STORAGE=s3``."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.conftest import settings_from_environment


def test_media_stay_on_disk_without_configuration(monkeypatch):
    monkeypatch.delenv("MEDIA_STORAGE", raising=False)
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "ignored-without-media-storage")
    configured = settings_from_environment(monkeypatch)
    assert configured["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert configured["MEDIA_ORIGINS"] == []


def test_s3_storage_is_private_signed_and_never_overwrites(monkeypatch):
    configured = settings_from_environment(
        monkeypatch,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="sigap-media",
        AWS_S3_ENDPOINT_URL="https://minio.example.go.id",
    )
    default = configured["STORAGES"]["default"]
    options = default["OPTIONS"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "sigap-media"
    assert options["endpoint_url"] == "https://minio.example.go.id"
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 600
    assert options["file_overwrite"] is False
    # Wagtail images come from the bucket: pages may load them, nothing else.
    img_src = configured["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://minio.example.go.id" in img_src
    assert configured["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["default-src"] == [
        "'self'"
    ]


@pytest.mark.parametrize(
    "env",
    [{"MEDIA_STORAGE": "s3"}, {"MEDIA_STORAGE": "ftp"}],
    ids=["s3-without-bucket", "unknown-storage"],
)
def test_incomplete_storage_configuration_refuses_to_start(monkeypatch, env):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    with pytest.raises(ImproperlyConfigured):
        settings_from_environment(monkeypatch, **env)


def test_private_files_have_their_own_folder_outside_media_root(monkeypatch):
    monkeypatch.delenv("MEDIA_STORAGE", raising=False)
    monkeypatch.delenv("PRIVATE_MEDIA_ROOT", raising=False)
    configured = settings_from_environment(monkeypatch)
    assert configured["STORAGES"]["private"] == {
        "BACKEND": "lms.private_files.PrivateFileSystemStorage"
    }
    private_root = configured["PRIVATE_MEDIA_ROOT"]
    assert configured["MEDIA_ROOT"] not in private_root.parents
    assert private_root not in configured["MEDIA_ROOT"].parents
    assert configured["SIGAP_PRIVATE_FILES_SERVE"] == "django"


def test_s3_private_files_get_a_private_prefix_without_cdn_or_public_acl(monkeypatch):
    configured = settings_from_environment(
        monkeypatch,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="sigap-media",
        AWS_S3_CUSTOM_DOMAIN="cdn.example.go.id",
        AWS_DEFAULT_ACL="public-read",
    )
    private = configured["STORAGES"]["private"]
    options = private["OPTIONS"]
    assert private["BACKEND"] == "lms.private_s3.PrivateS3Storage"
    assert options["bucket_name"] == "sigap-media"
    assert options["location"] == "private"
    assert options["custom_domain"] is None
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False


def test_s3_private_files_may_have_a_bucket_of_their_own(monkeypatch):
    configured = settings_from_environment(
        monkeypatch,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="sigap-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="sigap-private",
        AWS_PRIVATE_LOCATION="",
    )
    options = configured["STORAGES"]["private"]["OPTIONS"]
    assert options["bucket_name"] == "sigap-private"
    assert options["location"] == ""


@pytest.mark.parametrize(
    "env",
    [
        {"SIGAP_PRIVATE_FILES_SERVE": "redirect"},
        {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "sigap-media",
            "SIGAP_PRIVATE_FILES_SERVE": "x-accel-redirect",
        },
        {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "sigap-media",
            "AWS_LOCATION": "media",
            "AWS_PRIVATE_LOCATION": "media",
        },
        {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "sigap-media",
            "AWS_PRIVATE_LOCATION": "",
        },
    ],
    ids=[
        "unknown-serve-mode",
        "web-server-mode-with-s3",
        "private-prefix-same-as-public",
        "no-private-prefix-in-shared-bucket",
    ],
)
def test_private_files_configuration_that_would_expose_them_refuses_to_start(
    monkeypatch, env
):
    with pytest.raises(ImproperlyConfigured):
        settings_from_environment(monkeypatch, **env)
