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
