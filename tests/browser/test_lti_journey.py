"""A learner opens a Sigap course from an agency's Moodle (LTI 1.3), in
headless Chromium: the "Moodle" is a real HTTP server on 127.0.0.1 that signs
its own launches (``lms.lti.platform_fake``) and serves its JWKS, which the
live Sigap fetches over HTTP. The learner lands in Sigap signed in and
enrolled; a replayed launch is refused. A teacher picks a course in Sigap's
deep linking picker framed in Moodle's dialog, and Moodle believes the answer
with the key set it fetches from Sigap. Screenshots at 360 and 1280 px go to
``test-artifacts/lti/``.
"""

import html
import json
import threading
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from lms.lti.platform_fake import FakePlatform, ResponseRejected
from tests.browser.conftest import (
    ARTIFACTS,
    DEMO_PASSWORD,
    STEP_TIMEOUT_MS,
    VIEWPORTS,
)
from tests.browser.helpers import axe_violations
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "lti"


class Moodle:
    """The fake platform behind a real HTTP server."""

    def __init__(self, sigap_url: str, course_id: int):
        self.sigap_url = sigap_url
        self.course_id = course_id
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        port = self.server.server_address[1]
        self.fake = FakePlatform(issuer=f"http://127.0.0.1:{port}")
        self.last_form: dict = {}
        self.placed_page = ""
        # A new person per test: the live site's database is shared.
        self.learner = f"lestari.handayani.{uuid.uuid4().hex[:8]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def target(self) -> str:
        return f"{self.sigap_url}/lti/kursus/{self.course_id}/"

    def _handler(self):
        moodle = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: str, content_type: str):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake = moodle.fake
                if url.path == "/mod/lti/certs.php":
                    self._send(200, json.dumps(fake.public_jwks()), "application/json")
                elif url.path == "/course/view.php":
                    self._send(200, moodle.course_page(), "text/html")
                elif url.path == "/course/modedit.php":
                    self._send(200, moodle.activity_form(), "text/html")
                elif url.path == "/mod/lti/contentitem.php":
                    self._send(200, moodle.content_selection(), "text/html")
                elif url.path == "/mod/lti/auth.php":
                    if query.get("client_id") != fake.client_id:
                        self._send(400, "unknown client", "text/plain")
                        return
                    if query.get("lti_message_hint") == "deep-link":
                        claims = fake.deep_linking_claims(
                            nonce=query["nonce"],
                            target_link_uri=moodle.selection_url,
                        )
                    else:
                        claims = fake.launch_claims(
                            nonce=query["nonce"],
                            target_link_uri=moodle.target,
                            sub=moodle.learner,
                        )
                        claims["email"] = f"{moodle.learner}@bkpsdm.test"
                        claims["name"] = "Lestari Handayani"
                    moodle.last_form = {
                        "id_token": fake.sign(claims),
                        "state": query["state"],
                    }
                    self._send(
                        200,
                        moodle.form_post(query["redirect_uri"], moodle.last_form),
                        "text/html",
                    )
                else:
                    self._send(404, "not found", "text/plain")

            def do_POST(self):
                if urlsplit(self.path).path != "/mod/lti/contentitem_return.php":
                    self._send(404, "not found", "text/plain")
                    return
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                self._send(200, moodle.receive(form.get("JWT", [""])[0]), "text/html")

        return Handler

    @property
    def selection_url(self) -> str:
        return f"{self.sigap_url}/lti/pilih-kursus/"

    def activity_form(self) -> str:
        """Moodle's activity form: *Select content* opens the tool in a dialog
        (an iframe on Moodle's page)."""
        return (
            "<!doctype html><html lang='id'><title>Tambah alat eksternal</title>"
            "<h1>Tambah alat eksternal</h1>"
            "<iframe title='Pilih konten' name='pilih' src='/mod/lti/contentitem.php'"
            " width='100%' height='700'></iframe></html>"
        )

    def content_selection(self) -> str:
        """Inside the dialog: the login initiation posted to the tool."""
        fields = {
            "iss": self.fake.issuer,
            "client_id": self.fake.client_id,
            "login_hint": "7",
            "lti_message_hint": "deep-link",
            "target_link_uri": self.selection_url,
        }
        return self._page(
            "Meneruskan…", self.sigap_url + "/lti/login/", fields, "Lanjut", auto=True
        )

    def receive(self, token: str) -> str:
        """The return URL: Moodle checks the answer with the tool's key set,
        fetched from Sigap over HTTP, and fills in the activity."""
        with urllib.request.urlopen(self.sigap_url + "/lti/jwks.json") as answer:
            jwks = json.load(answer)
        try:
            items = self.fake.receive_deep_linking_response(token, tool_jwks=jwks)
        except ResponseRejected as error:
            return f"<!doctype html><title>Ditolak</title><h1>Ditolak: {error}</h1>"
        rows = "".join(
            f"<li>{html.escape(item['title'])}"
            + (
                f" (nilai maks. {item['lineItem']['scoreMaximum']})"
                if "lineItem" in item
                else ""
            )
            + "</li>"
            for item in items
        )
        return (
            f"<!doctype html><title>Tersimpan</title><h1>Tersimpan</h1><ul>{rows}</ul>"
        )

    def course_page(self) -> str:
        fields = {
            "iss": self.fake.issuer,
            "client_id": self.fake.client_id,
            "login_hint": "41",
            "lti_message_hint": "activity-7",
            "target_link_uri": self.target,
        }
        return self._page(
            "Latsar CPNS 2026",
            self.sigap_url + "/lti/login/",
            fields,
            "Buka kursus di Sigap",
            auto=False,
        )

    def form_post(self, action: str, fields: dict) -> str:
        return self._page("Meneruskan…", action, fields, "Lanjut", auto=True)

    @staticmethod
    def _page(title, action, fields, button, *, auto) -> str:
        inputs = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in fields.items()
        )
        script = "<script>document.forms[0].submit()</script>" if auto else ""
        return (
            f"<!doctype html><title>{title}</title><h1>{title}</h1>"
            f'<form method="post" action="{html.escape(action)}">{inputs}'
            f"<button>{button}</button></form>{script}"
        )

    def close(self):
        self.server.shutdown()


REGISTER = """
from lms.lti.models import LtiDeployment, LtiPlatform
from courses.models import CoursePage
platform, _ = LtiPlatform.objects.update_or_create(
    issuer={issuer!r}, client_id={client_id!r},
    defaults=dict(name="Moodle uji", auth_login_url={issuer!r} + "/mod/lti/auth.php",
                  auth_token_url={issuer!r} + "/mod/lti/token.php",
                  jwks_url={issuer!r} + "/mod/lti/certs.php"))
LtiDeployment.objects.get_or_create(platform=platform, deployment_id="1")
"""
FIRST_COURSE = """
from courses.models import CoursePage
print(CoursePage.objects.live().order_by("pk").values_list("pk", flat=True)[0])
"""
ENROLLED = """
from courses.models import Enrolment
print(Enrolment.objects.filter(
    user__email="{email}", course_id={course_id}).count())
"""


@pytest.fixture
def page(browser, live_site, viewport, axe_source):
    context = browser.new_context(
        base_url=live_site.url,
        viewport=VIEWPORTS[viewport],
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    # Injected into every frame before its scripts (a CSP cannot block it).
    context.add_init_script(script=axe_source)
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def moodle(live_site):
    course_id = int(live_site.shell(FIRST_COURSE).split()[-1])
    moodle = Moodle(live_site.url, course_id)
    live_site.shell(
        REGISTER.format(issuer=moodle.fake.issuer, client_id=moodle.fake.client_id)
    )
    yield moodle
    moodle.close()


def test_a_learner_opens_a_sigap_course_from_moodle(page, live_site, moodle, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(moodle.fake.issuer + "/course/view.php")
    page.get_by_role("button", name="Buka kursus di Sigap").click()
    # Moodle's form post comes back through the login initiation and the
    # auto-submitted launch; a new account reads the privacy notice first.
    page.wait_for_url(f"{live_site.url}/akun/privasi/**")
    page.screenshot(path=str(SHOTS / f"launched-{viewport}.png"), full_page=True)
    page.get_by_role("button", name="Saya telah membaca dan memahami").click()
    page.wait_for_url(lambda url: "/akun/privasi/" not in url)
    assert page.url.startswith(live_site.url)
    assert (
        page.get_by_role("link", name="Keluar").count()
        or page.get_by_role("button", name="Keluar").count()
    )
    page.screenshot(path=str(SHOTS / f"course-{viewport}.png"), full_page=True)
    enrolled = live_site.shell(
        ENROLLED.format(
            course_id=moodle.course_id, email=f"{moodle.learner}@bkpsdm.test"
        )
    ).split()[-1]
    assert enrolled == "1"

    # The same id_token and state posted again: refused.
    replay = page.request.post(
        f"{live_site.url}/lti/launch/", form=moodle.last_form, max_redirects=0
    )
    assert replay.status == 400
    assert "sudah dipakai" in replay.text()


def test_a_teacher_picks_a_sigap_course_in_moodles_dialog(
    page, live_site, moodle, viewport
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(moodle.fake.issuer + "/course/modedit.php")
    dialog = page.frame_locator("iframe[name=pilih]")
    # Login initiation, Moodle's signed deep linking request, Sigap's picker:
    # all inside Moodle's frame (Sigap lets only Moodle's origin frame it).
    dialog.get_by_role("heading", name="Pilih kursus Sigap").wait_for()
    frame = page.frame(name="pilih")
    assert frame.url == f"{live_site.url}/lti/launch/"
    assert axe_violations(frame) == []
    page.screenshot(path=str(SHOTS / f"picker-{viewport}.png"), full_page=True)
    first = dialog.locator("input[name=kursus]").first
    title = dialog.locator("label.choice strong").first.inner_text()
    first.check()
    dialog.get_by_role("button", name="Tautkan ke platform").click()
    # The answer posts itself back to Moodle, which checks it with the keys it
    # fetches from Sigap's /lti/jwks.json.
    dialog.get_by_role("heading", name="Tersimpan").wait_for()
    assert title in dialog.locator("li").first.inner_text()
    page.screenshot(path=str(SHOTS / f"placed-{viewport}.png"), full_page=True)
    assert moodle.fake.placed[0]["title"] == title


def test_a_refused_launch_says_why(page, live_site, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    response = page.goto(f"{live_site.url}/lti/login/?iss=https://palsu.example")
    assert response.status == 400
    assert page.get_by_role("heading", name="Peluncuran LTI ditolak").is_visible()
    page.screenshot(path=str(SHOTS / f"refused-{viewport}.png"), full_page=True)


NEW_ADMIN = r"""
from django.contrib.auth.models import Group
from allauth.account.models import EmailAddress
from lms.accounts.models import User
user, _ = User.objects.get_or_create(
    email="{email}", defaults=dict(name="Admin LTI")
)
user.set_password("{password}")
user.is_staff = True
user.privacy_notice_shown_at = user.date_joined
user.save()
user.groups.add(Group.objects.get(name="Admin"))
EmailAddress.objects.get_or_create(
    user=user, email=user.email, defaults=dict(verified=True, primary=True)
)
"""


def test_an_administrator_sees_what_to_type_into_moodle(page, live_site, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = f"admin-lti-{viewport}@sigap.test"
    live_site.shell(NEW_ADMIN.format(email=email, password=DEMO_PASSWORD))
    sign_in(page, email)
    reach_staff_area(page, "/cms/lti/")
    assert page.locator("#lti-login-url").inner_text().endswith("/lti/login/")
    assert page.locator("#lti-jwks-url").inner_text().endswith("/lti/jwks.json")
    page.screenshot(path=str(SHOTS / f"admin-{viewport}.png"), full_page=True)
