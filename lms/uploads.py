"""Reading uploaded files safely: every parse of a file someone sent goes through
:func:`unreadable_as`, so a library's error becomes a message in the form.

Parsers of PDF, XLSX and CSV raise whatever their authors chose for a damaged or
hostile file: ``OverflowError`` from pypdf for a cross-reference offset of 25
digits, ``KeyError`` or ``BadZipFile`` from openpyxl, ``csv.Error`` for a field
over 128 KB, ``MemoryError`` or ``RecursionError`` for crafted nesting. None of
these is a fault of ours; all of them mean "this file cannot be read".
"""

import codecs
import io
import itertools
import json
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

NOT_UTF8 = _(
    "Berkas tidak tersimpan sebagai teks UTF-8. Simpan ulang dengan pengodean "
    "UTF-8 (di Notepad: Simpan sebagai → Pengodean: UTF-8), lalu unggah lagi."
)
BINARY = _(
    "Berkas ini bukan berkas teks (berisi data biner). Unggah berkas teks (.txt) "
    "atau .xlsx."
)
XLSX_UNREADABLE = _(
    "Berkas XLSX tidak dapat dibaca. Simpan ulang dari Excel sebagai .xlsx, lalu "
    "unggah lagi."
)


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


def decode_text(data: bytes, *, fallback: str | None = None) -> str:
    """Text of an uploaded file: UTF-16 with its BOM (Excel's "Unicode text"),
    else UTF-8 (a BOM is dropped). Without ``fallback`` anything else is refused
    with an Indonesian message; with one (e.g. ``"cp1252"``) it is decoded with
    replacement characters. A file holding NUL bytes is binary, not text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with unreadable_as(NOT_UTF8):
            text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if fallback is None:
                raise ValidationError(NOT_UTF8, code="encoding") from error
            text = data.decode(fallback, errors="replace")
    if "\x00" in text:
        raise ValidationError(BINARY, code="binary")
    return text


def _not_a_json_number(constant: str):
    """NaN and Infinity: Python's json reads them, JSON (and the database) does not."""
    raise ValueError(f"{constant} is not JSON")


def _holds_nul(data) -> bool:
    """Whether a text anywhere in parsed JSON (a key or a value) holds NUL."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def read_json(data: bytes):
    """JSON that another program sent (a SCORM runtime's commit, a cmi5 AU's
    statements), parsed; ``ValueError`` for anything Sigap could not keep: not
    UTF-8, not JSON, NaN or Infinity, nested deeper than Python recurses, or a
    NUL character in any text (PostgreSQL's jsonb and text refuse it)."""
    try:
        text = data.decode("utf-8")
        parsed = json.loads(text, parse_constant=_not_a_json_number)
    except (UnicodeDecodeError, RecursionError) as error:
        raise ValueError(str(error)[:200]) from error
    # NUL can only come escaped: JSON has no raw control characters in texts.
    if "\\u0000" in text and _holds_nul(parsed):
        raise ValueError("a text holds NUL")
    return parsed


def read_xlsx_rows(
    data: bytes,
    *,
    max_rows: int,
    max_columns: int,
    max_part_bytes: int,
    unreadable=XLSX_UNREADABLE,
) -> list[list]:
    """The first sheet's rows (lists of cell values), in bounded time and memory
    whatever the file claims.

    The zip's declared sizes are checked before openpyxl opens it (it loads shared
    strings whole), and at most ``max_rows`` rows of ``max_columns`` columns are
    read: a sheet declaring ``A1:XFD1048576`` would otherwise be padded with empty
    cells to seventeen billion of them. Raises ``ValidationError`` (Indonesian).
    """
    # in-function: openpyxl takes ~0.1 s to import; only file imports need it.
    from openpyxl import load_workbook

    with unreadable_as(unreadable):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_sizes(archive, max_member=max_part_bytes)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(max_col=max_columns, values_only=True)
            return [list(row) for row in itertools.islice(rows, max_rows)]
        finally:
            workbook.close()
