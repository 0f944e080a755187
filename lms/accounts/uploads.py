"""Uploads are judged by their content, not their name, and by their size.

``check_upload`` is the one rule set; the Wagtail document form uses it, and any
app can call it for its own file fields. Served files always download
(``SafeFileResponseMiddleware``) and are never sniffed (``nosniff``).
"""

import zipfile

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_MAGIC = b"PK\x03\x04"
# extension -> (leading bytes, a member an OOXML/ODF archive must contain)
SIGNATURES: dict[str, tuple[bytes | None, str | None]] = {
    "pdf": (b"%PDF-", None),
    "docx": (ZIP_MAGIC, "word/document.xml"),
    "xlsx": (ZIP_MAGIC, "xl/workbook.xml"),
    "pptx": (ZIP_MAGIC, "ppt/presentation.xml"),
    "odt": (ZIP_MAGIC, "content.xml"),
    "txt": (None, None),
}
HTML_MARKERS = (b"<html", b"<script", b"<!doctype", b"<svg", b"<?xml")


def check_upload(upload, *, max_bytes: int | None = None) -> None:
    """Refuse a file whose content does not match its extension, or is too big."""
    max_bytes = max_bytes or settings.SIGAP_MAX_UPLOAD_BYTES
    if upload.size == 0:
        raise ValidationError(_("Berkas kosong."), code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Berkas terlalu besar (maksimal %(mb)d MB)."),
            params={"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(_("Jenis berkas ini tidak diterima."), code="type")
    magic, member = SIGNATURES[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if magic is not None and not head.startswith(magic):
        raise ValidationError(
            _("Isi berkas bukan %(ext)s, walaupun namanya berakhiran .%(ext)s."),
            params={"ext": extension.upper()},
            code="content",
        )
    if member is not None:
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        upload.seek(0)
        if member not in names:
            raise ValidationError(
                _("Isi berkas bukan dokumen %(ext)s yang sah."),
                params={"ext": extension.upper()},
                code="content",
            )
    if extension == "txt":
        lowered = head.lower()
        if b"\x00" in head or any(marker in lowered for marker in HTML_MARKERS):
            raise ValidationError(
                _("Berkas teks berisi HTML atau data biner."), code="content"
            )


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the content and size check."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
        return upload


__all__ = ["SafeDocumentForm", "check_upload", "forms"]
