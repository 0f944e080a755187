"""Say exactly which system library is missing, instead of failing later."""

import sys

try:
    import weasyprint  # noqa: F401
except OSError as error:  # Pango and friends are not Python packages
    sys.exit(
        "WeasyPrint membutuhkan pustaka sistem Pango yang belum terpasang.\n"
        "Debian/Ubuntu: sudo apt-get install libpango-1.0-0 "
        "libpangoft2-1.0-0 libharfbuzz0b\n"
        "Fedora: sudo dnf install pango   ·   macOS: brew install pango\n"
        f"(detail: {error})"
    )
