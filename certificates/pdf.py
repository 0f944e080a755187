"""Rendering HTML to PDF: the only module that imports WeasyPrint.

Minimal for now (the HR transcript uses it); the certificate PDF extends it.
"""

from django.conf import settings


def html_to_pdf(html: str) -> bytes:
    """A PDF of ``html``; relative URLs resolve against ``static/``."""
    import weasyprint

    base_url = (settings.BASE_DIR / "static").as_uri() + "/"
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()
