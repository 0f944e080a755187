"""Private files: certificates, certificate ZIP bundles, JP-claim evidence, HR job
files. They live in their own storage (``STORAGES["private"]``: a folder outside
``MEDIA_ROOT``, or a private prefix/bucket on S3), under names nobody can guess, and
have no URL: only a view that has checked a permission hands one out, through
``serve_private_file``. Bottom layer: imports no app.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.http import FileResponse, HttpResponse
from django.utils.functional import LazyObject, cached_property
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from lms.private_apis import reset_lazy_object

PRIVATE_STORAGE_ALIAS = "private"
SERVE_MODES = ("django", "x-accel-redirect", "x-sendfile")


class PrivateFileHasNoURL(Exception):
    """Raised when code asks a private file for a URL: there is none to give."""


class PrivateStorageMixin:
    """No URL, ever: a public or presigned link would outlive the permission check
    that should precede every download."""

    def url(self, name, *args, **kwargs):
        raise PrivateFileHasNoURL(
            f"{name!r} is a private file: stream it with serve_private_file()"
        )


class PrivateFileSystemStorage(PrivateStorageMixin, FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, a folder that no web server maps to a URL."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, **kwargs)
        self.configured_location = location
        setting_changed.connect(self._follow_private_media_root)

    @cached_property
    def base_location(self):
        if self.configured_location is not None:
            return self.configured_location
        return settings.PRIVATE_MEDIA_ROOT

    def _follow_private_media_root(self, *, setting, **kwargs):
        # Django's FileSystemStorage follows MEDIA_ROOT the same way.
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


class _LazyPrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private_storage = _LazyPrivateStorage()


def private_storage() -> Storage:
    """The private storage, for ``FileField(storage=private_storage)``.

    A callable (so migrations name it instead of freezing one configuration) that
    returns a lazy object, which follows a changed ``STORAGES`` like Django's own
    ``default_storage`` does."""
    return _private_storage


def _storages_changed(*, setting, **kwargs) -> None:
    # Only test overrides send this; Django resets default_storage the same way.
    if setting == "STORAGES":
        reset_lazy_object(_private_storage)


setting_changed.connect(_storages_changed)


def private_file_name(folder: str, filename: str, *, keep_name: bool = False) -> str:
    """A fresh storage name for a private file: ``folder``, 128 random bits, the
    extension, and with ``keep_name`` a tidied copy of the file's own name (shown
    as the download's name). Never a verification code, user id or time alone."""
    path = PurePosixPath(filename)
    suffix = path.suffix.lower()
    extension = suffix if suffix[1:].isalnum() and len(suffix) <= 9 else ""
    token = uuid.uuid4().hex
    if keep_name:
        stem = slugify(path.stem)[:40] or "berkas"
        return f"{folder}/{token}/{stem}{extension}"
    # Two hex digits of fan-out keep a folder of a million certificates listable.
    return f"{folder}/{token[:2]}/{token}{extension}"


def serve_private_file(file, *, filename: str, content_type: str) -> HttpResponse:
    """The download of ``file`` (a FieldFile on the private storage), for a view that
    has already checked the permission.

    ``SIGAP_PRIVATE_FILES_SERVE`` picks who sends the bytes: ``django`` streams them;
    ``x-accel-redirect`` (nginx) and ``x-sendfile`` (Apache, lighttpd) answer with an
    empty body and a header naming the file, which the web server then sends from
    a location that only such a header can reach (docs/operations.md)."""
    mode = settings.SIGAP_PRIVATE_FILES_SERVE
    if mode == "x-accel-redirect":
        response = HttpResponse(content_type=content_type)
        prefix = settings.SIGAP_PRIVATE_FILES_ACCEL_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(file.name)}"
    elif mode == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = quote(file.path)
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Personal data: no shared cache keeps it, no browser runs or sniffs it.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def move_to_private_storage(model, field_names: list[str]) -> dict[str, int]:
    """Move the files of ``model``'s FileFields ``field_names`` from the default
    storage (where they used to live, under guessable names) to the private
    storage under fresh names from the field's ``upload_to``; for data migrations.

    Safe to run again: a file already in the private storage is left alone; a file
    missing from both is counted and its row left as it was. Each row is updated
    before the old file is deleted, so an interruption never loses a file."""
    source, target = storages["default"], private_storage()
    counts = {"moved": 0, "already_private": 0, "missing": 0}
    for field_name in field_names:
        field = model._meta.get_field(field_name)
        rows = model._base_manager.exclude(**{field_name: ""}).only("pk", field_name)
        for obj in rows.iterator():
            old_name = getattr(obj, field.attname).name
            if target.exists(old_name):
                counts["already_private"] += 1
                continue
            if not source.exists(old_name):
                counts["missing"] += 1
                continue
            new_name = field.generate_filename(obj, PurePosixPath(old_name).name)
            with source.open(old_name, "rb") as handle:
                new_name = target.save(
                    new_name, File(handle), max_length=field.max_length
                )
            model._base_manager.filter(pk=obj.pk).update(**{field_name: new_name})
            source.delete(old_name)
            counts["moved"] += 1
    return counts
