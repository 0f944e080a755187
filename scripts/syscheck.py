"""Say exactly which system library is missing, instead of failing later."""

import ctypes.util
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

# Optional: WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset is present,
# and with the far slower fontTools otherwise (a certificate takes ~5x longer).
if ctypes.util.find_library("harfbuzz-subset") is None:
    print(
        "Catatan: pustaka HarfBuzz-Subset belum terpasang; sertifikat PDF tetap "
        "dibuat, tetapi jauh lebih lambat.\n"
        "Debian/Ubuntu: sudo apt-get install libharfbuzz-subset0   ·   "
        "Fedora: sudo dnf install harfbuzz   ·   macOS: brew install harfbuzz"
    )
