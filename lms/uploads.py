"""Reading uploaded files safely: every parse of a file someone sent goes through
:func:`unreadable_as`, so a library's error becomes a message in the form.

Parsers of PDF, XLSX and CSV raise whatever their authors chose for a damaged or
hostile file: ``OverflowError`` from pypdf for a cross-reference offset of 25
digits, ``KeyError`` or ``BadZipFile`` from openpyxl, ``csv.Error`` for a field
over 128 KB, ``MemoryError`` or ``RecursionError`` for crafted nesting. None of
these is a fault of ours; all of them mean "this file cannot be read".
"""

import logging
import zipfile
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# An XLSX or DOCX compresses XML about 5-20 times; a ratio far above that is a
# zip bomb (a few KB that inflate to gigabytes).
MAX_ZIP_RATIO = 100
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024


@contextmanager
def unreadable_as(message, *, error=ValidationError):
    """Run the parse of an upload; any exception it raises becomes ``error(message)``.

    Errors the code inside raises on purpose (``error`` itself, or a
    ``ValidationError``) pass through unchanged.
    """
    try:
        yield
    except (error, ValidationError):
        raise
    except Exception as failure:  # noqa: BLE001 - any library error on hostile bytes
        logger.info("Unreadable upload: %r", failure)
        raise error(str(message)) from failure


def check_zip_sizes(
    archive: zipfile.ZipFile,
    *,
    max_member: int,
    members=None,
    too_big_message=None,
) -> None:
    """Refuse a zip whose declared sizes would inflate past what we read.

    Checked from the central directory before anything is decompressed: the total,
    each member's ratio, and ``max_member`` for the members named in ``members``
    (all when None). Raises ``ValidationError`` with an Indonesian message.
    """
    message = too_big_message or _(
        "Berkas terlalu besar setelah diekstrak. Kecilkan isinya atau bagi menjadi "
        "beberapa berkas."
    )
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > 1024 * 1024 and (
            info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)
        ):
            raise ValidationError(message, code="zip_bomb")
        if (members is None or info.filename in members) and (
            info.file_size > max_member
        ):
            raise ValidationError(message, code="too_big")
    if total > MAX_ZIP_UNCOMPRESSED:
        raise ValidationError(message, code="too_big")
