"""Twenty classic XSS payloads in names, course titles and other user text stay
inert on every page that shows them (and in PDFs, see the certificate tests)."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils.html import escape

from courses.services import enrol
from lms.accounts.permissions import ROLE_HR
from tests.factories import AsnProfileFactory, make_course, make_hr_officer

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss1')</script>",
    '"><script>alert("xss2")</script>',
    "<img src=x onerror=alert('xss3')>",
    "<svg onload=alert('xss4')>",
    "<body onload=alert('xss5')>",
    "<iframe src=\"javascript:alert('xss6')\"></iframe>",
    "<a href=\"javascript:alert('xss7')\">klik</a>",
    "'\"><img src=x onerror=alert(8)>",
    "<details open ontoggle=alert('xss9')>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(10)>",
    "<input autofocus onfocus=alert('xss11')>",
    "<video><source onerror=alert('xss12')></video>",
    "<object data=\"javascript:alert('xss13')\"></object>",
    "<embed src=\"javascript:alert('xss14')\">",
    "<form action=\"javascript:alert('xss15')\"><button>x</button></form>",
    "<style>@import 'javascript:alert(16)';</style>",
    '<div style="background:url(javascript:alert(17))">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss18\')">',
    "{{ 7|add:'xss19' }}<!--",
    "</textarea><script>alert('xss20')</script>",
]


class ActiveContent(HTMLParser):
    """Collects anything in a page that could run script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
        for name, value in attrs:
            value = (value or "").lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "data", "content"} and (
                "javascript:" in value
            ):
                self.found.append(f"<{tag} {name}={value}>")
            if name == "style" and "javascript:" in value:
                self.found.append(f"<{tag} style>")
        if tag in {"iframe", "object", "embed", "meta"} and "xss" in str(attrs):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data[:40]}")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_inert_everywhere_it_is_shown(payload, catalog, unit):
    learner = AsnProfileFactory(
        unit=unit,
        full_name=payload,
        title_suffix=payload[:80],
        birth_place=payload[:100],
        user__name=payload,
    ).user
    course = make_course(catalog, title=payload[:255])
    course.summary = payload
    course.save_revision().publish()
    enrol(user=learner, course=course)
    hr = make_hr_officer(unit)
    assert ROLE_HR in hr.groups.values_list("name", flat=True)

    pages = {
        "learner": (
            learner,
            [
                catalog.url,
                course.url,
                course.lessons().first().url,
                "/kursus-saya/",
                "/akun/profil/",
                "/akun/data-saya/",
                "/kompetensi/",
            ],
        ),
        "hr": (hr, ["/hr/", "/hr/pegawai/", f"/hr/pegawai/{learner.pk}/"]),
    }
    problems = []
    for who, (user, urls) in pages.items():
        client = Client()
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (who, url, response.status_code)
            html = response.content.decode()
            if url == course.url:  # shown, as text
                assert escape(payload[:255]) in html
            if found := active_content(html):
                problems.append(f"{who} {url}: {found}")
    assert not problems, "\n".join(problems)


def test_the_detector_does_find_active_content():
    assert active_content("<p><img src=x onerror=alert(1)></p>")
    assert active_content("<script>alert(1)</script>")
    assert active_content('<a href="javascript:alert(1)">x</a>')
    assert not active_content("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_printed_as_text_in_the_certificate_pdf(payload, catalog, unit):
    import io
    import re

    from pypdf import PdfReader

    from certificates.services import issue_certificate
    from tests.factories import complete_enrolment_for

    learner = AsnProfileFactory(unit=unit, full_name=payload[:200]).user
    course = make_course(catalog, title=payload[:255])
    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squeeze(payload[:200]) in squeeze(text)  # shown, as text
    for marker in (b"/JavaScript", b"/JS ", b"/Launch", b"/OpenAction"):
        assert marker not in data
    verification = Client().get(f"/v/{certificate.code}")
    assert verification.status_code == 200
    assert not active_content(verification.content.decode())
