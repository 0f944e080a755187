"""A trainer authors a whole course in the admin at 1280 px and a reviewer
publishes it in one decision (issue 18).

The trainer (Pengajar) creates a course, imports a GIFT file of 20 questions into
its bank (a dry run first, then the import), writes three lessons, builds a
pre-test and a post-test that draw from the imported questions, and submits the
whole course once ("Ajukan seluruh kursus"). The reviewer (Peninjau) opens the one
review of the course, sees every page in it and approves it; the course, its
lessons and both tests are then in the public catalogue.

Every click, fill, choice, upload and typed address is counted; the test prints the
count (run with ``-s``) and holds it under the issue's "under 15 minutes of
clicking" at a generous 10 seconds per step.
"""

import json
import random
import re
import string
import time

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

TRAINER_EMAIL = "pengajar@sigap.test"
REVIEWER_EMAIL = "peninjau@sigap.test"
TRAINER_NAME = "Dr. Budi Santoso, M.A.P."
SECONDS_PER_STEP = 10
MINUTES_OF_CLICKING = 15
STEP_BOUND = MINUTES_OF_CLICKING * 60 // SECONDS_PER_STEP
QUESTIONS = 20
LESSONS = [
    ("Mengenali tanda bahaya banjir", "Air naik cepat, pantau tinggi muka air."),
    ("Membuka posko layanan darurat", "Posko buka 24 jam dengan data pengungsi."),
    ("Melayani warga di pengungsian", "Catat kebutuhan warga setiap pagi."),
]
# Wagtail 8 autosaves a draft half a second after typing stops. A person clicks
# "Simpan konsep" long after that autosave has finished; a test clicks within
# milliseconds and can post its form while the autosave is turning the new page's
# form into an edit form (a stale form, a second page). This journey saves as a
# person does, explicitly, with autosave cancelled through its own cancelable
# ``w-autosave:save`` event; tests/browser/test_trainer_journey.py edits with it on.
NO_AUTOSAVE = (
    "document.addEventListener('w-autosave:save', (event) => event.preventDefault(),"
    " true);"
)


class Steps:
    """The clicks, fills, choices, uploads and typed addresses of one person."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, count: int) -> None:
        self.count += count

    def go(self, page, path: str) -> None:
        page.goto(path)
        self.count += 1

    def click(self, locator) -> None:
        locator.click()
        self.count += 1

    def fill(self, locator, text: str) -> None:
        locator.fill(text)
        self.count += 1

    def choose(self, locator, **option) -> None:
        locator.select_option(**option)
        self.count += 1

    def upload(self, locator, path) -> None:
        locator.set_input_files(path)
        self.count += 1

    def write(self, editor, text: str) -> None:
        """Click into a rich-text editor and type a paragraph (one fill)."""
        editor.click()
        editor.press_sequentially(text)
        expect(editor).to_contain_text(text)
        self.count += 1


def _gift_file(suffix: str) -> str:
    """20 questions in Moodle's GIFT format, of the five types GIFT can carry."""
    questions = []
    for n in range(1, 9):
        questions.append(
            "// sigap: tingkat=mudah; topik=banjir\n"
            f"Tindakan pertama saat banjir nomor {n} ({suffix})? "
            f"{{=Evakuasi ke titik kumpul {n} ~Menunggu air surut {n} "
            f"~Berenang di arus deras {n} ####Keselamatan warga lebih dulu.}}"
        )
    for n in range(1, 5):
        answer = "T" if n % 2 else "F"
        questions.append(
            f"Pernyataan posko nomor {n} ({suffix}) sesuai prosedur. {{{answer}}}"
        )
    for n in range(1, 4):
        questions.append(
            "// sigap: poin=2; penilaian=sebagian; tingkat=sedang\n"
            f"Pilih semua tindakan aman nomor {n} ({suffix}). "
            "{~%50%Matikan listrik ~%50%Naik ke tempat tinggi "
            "~%-100%Berenang di arus deras}"
        )
    for n in range(1, 4):
        questions.append(
            f"Singkatan badan penanggulangan bencana daerah nomor {n} ({suffix})? "
            "{=BPBD =B.P.B.D.}"
        )
    for n in range(1, 3):
        questions.append(
            f"Jodohkan lembaga dengan wilayahnya nomor {n} ({suffix}). "
            "{=BPBD -> daerah =BNPB -> nasional =Basarnas -> pencarian}"
        )
    assert len(questions) == QUESTIONS
    return "\n\n".join(questions) + "\n"


def _staff(page, live_site, email: str, path: str, steps: Steps) -> None:
    """Another person on the same browser (cookies cleared), MFA set up afresh."""
    live_site.shell(
        "from allauth.mfa.models import Authenticator; "
        f"Authenticator.objects.filter(user__email='{email}').delete()"
    )
    page.context.clear_cookies()
    sign_in(page, email, on_steps=steps.add)
    reach_staff_area(page, path, on_steps=steps.add)


def _fill_title(page, title: str, steps: Steps) -> None:
    """Type the title and leave the field, so the slug follows it."""
    field = page.locator("#id_title")
    field.click()
    field.fill(title)
    field.press("Tab")
    steps.add(1)
    expect(page.locator("#id_slug")).not_to_have_value("")


def _save_draft(page, steps: Steps) -> int:
    """Save the page as a draft; the id of the page now being edited."""
    steps.click(page.get_by_role("button", name="Simpan konsep", exact=True))
    expect(page).to_have_url(re.compile(r"/cms/pages/\d+/edit/"))
    return int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))


def _add_child(page, course_id: int, page_type: str, steps: Steps) -> None:
    steps.go(page, f"/cms/pages/{course_id}/add_subpage/")
    steps.click(page.get_by_role("link", name=page_type, exact=True))
    expect(page.locator("#id_title")).to_be_visible()


def _add_stream_block(page, block: str, steps: Steps) -> None:
    steps.click(page.locator("button.c-sf-add-button").last)
    steps.click(page.get_by_role("option", name=block, exact=True))


def _course_state(live_site, course_id: int) -> dict:
    out = live_site.shell(
        "import json; from courses.models import CoursePage; "
        "from courses.quizzes.models import Question, QuizPage; "
        f"c = CoursePage.objects.get(pk={course_id}); "
        "pages = c.get_descendants(inclusive=True); "
        "quizzes = QuizPage.objects.child_of(c); "
        "print(json.dumps({'pages': pages.count(), 'live': pages.live().count(), "
        "'bank': Question.objects.filter(course=c).count(), "
        "'draws': sorted([q.kind, [b.value['count'] for b in q.items "
        "if b.block_type == 'draw']] for q in quizzes)}))"
    )
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.parametrize("viewport", ["1280px"])
def test_trainer_authors_and_a_reviewer_publishes_a_whole_course(
    page, live_site, tmp_path
):
    page.context.add_init_script(script=NO_AUTOSAVE)
    suffix = "".join(random.choices(string.ascii_uppercase, k=6))
    title = f"Layanan Publik Saat Banjir {suffix}"
    lessons = [(f"{name} {suffix}", text) for name, text in LESSONS]
    pretest, posttest = f"Pre-test banjir {suffix}", f"Post-test banjir {suffix}"
    bank_file = tmp_path / f"bank-soal-{suffix}.gift"
    bank_file.write_text(_gift_file(suffix), encoding="utf-8")
    trainer = Steps()
    started = time.monotonic()

    # The trainer signs in (activating MFA) and creates the course as a draft.
    _staff(page, live_site, TRAINER_EMAIL, "/cms/pages/", trainer)
    trainer.click(page.get_by_role("link", name=re.compile("turunan dari 'Sigap")))
    trainer.click(
        page.get_by_role("link", name=re.compile("turunan dari 'Katalog Kursus'"))
    )
    trainer.click(
        page.get_by_role("link", name="Tambahkan halaman turunan", exact=True)
    )
    expect(page).to_have_url(re.compile(r"/pages/add/courses/coursepage/"))
    _fill_title(page, title, trainer)
    trainer.fill(page.locator("#id_summary"), "Layanan publik tetap jalan saat banjir.")
    trainer.fill(page.locator("#id_code"), f"LB{suffix}")
    trainer.fill(page.locator("#id_jp"), "2")
    trainer.choose(page.locator("#id_trainer"), label=TRAINER_NAME)
    course_id = _save_draft(page, trainer)

    # 20 questions from a GIFT file: a dry run, then the import.
    trainer.go(page, "/cms/bank-soal/")
    row = page.locator("tr", has_text=title)
    trainer.click(row.get_by_role("link", name="Impor soal"))
    trainer.upload(page.locator("input[name=file]"), bank_file)
    trainer.click(page.get_by_role("button", name="Unggah dan uji"))
    expect(page.locator("main")).to_contain_text(
        f"{QUESTIONS} akan dibuat, 0 sudah ada, 0 bermasalah."
    )
    trainer.click(page.get_by_role("button", name=f"Impor {QUESTIONS} soal"))
    expect(page.locator(".messages")).to_contain_text(
        f"{QUESTIONS} soal baru diimpor; 0 sudah ada."
    )
    expect(page.locator("tr", has_text=title)).to_contain_text(str(QUESTIONS))

    # Three lessons, each saved as a draft (not submitted one by one).
    for lesson_title, text in lessons:
        _add_child(page, course_id, "Pelajaran", trainer)
        _fill_title(page, lesson_title, trainer)
        trainer.fill(page.locator("#id_intro"), text)
        _add_stream_block(page, "Teks", trainer)
        trainer.write(page.locator(".public-DraftEditor-content").last, text)
        _save_draft(page, trainer)

    # A pre-test and a post-test, each drawing the imported questions.
    for quiz_title, kind in [(pretest, "pretest"), (posttest, "posttest")]:
        _add_child(page, course_id, "Kuis", trainer)
        _fill_title(page, quiz_title, trainer)
        trainer.choose(page.locator("#id_kind"), value=kind)
        _add_stream_block(page, "Soal acak dari bank", trainer)
        trainer.fill(page.get_by_label("Jumlah soal"), str(QUESTIONS))
        _save_draft(page, trainer)

    # One submission for the whole course.
    trainer.go(page, f"/cms/pages/{course_id}/edit/")
    expect(page.locator("button[name=action-publish]")).to_have_count(0)
    trainer.click(page.locator("footer .w-dropdown-button .w-dropdown__toggle"))
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_contain_text("Ajukan seluruh kursus")
    trainer.click(submit)
    page.wait_for_load_state("load")
    authoring_seconds = time.monotonic() - started
    state = _course_state(live_site, course_id)
    assert state == {
        "pages": 6,
        "live": 0,
        "bank": QUESTIONS,
        "draws": [["posttest", [QUESTIONS]], ["pretest", [QUESTIONS]]],
    }, state

    page.context.clear_cookies()
    page.goto("/katalog/")
    expect(page.locator(".card h3 a").first).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)

    # The reviewer opens the course's one review, sees every page, approves.
    reviewer = Steps()
    review_path = f"/cms/kursus/{course_id}/tinjauan/"
    _staff(page, live_site, REVIEWER_EMAIL, review_path, reviewer)
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(6)
    for name in [title, *(name for name, _ in lessons), pretest, posttest]:
        expect(rows.filter(has_text=name)).to_contain_text("baru, belum pernah terbit")
    reviewer.click(
        page.get_by_role("button", name="Setujui dan terbitkan seluruh kursus")
    )
    expect(page.locator(".messages")).to_contain_text("disetujui dan diterbitkan")
    assert _course_state(live_site, course_id)["live"] == 6

    # Anyone finds the course, its three lessons and both tests in the catalogue.
    page.context.clear_cookies()
    page.goto("/katalog/")
    card = page.locator(".card", has=page.get_by_role("link", name=title))
    expect(card).to_be_visible()
    assert_accessible(page, "katalog dengan kursus yang baru terbit")
    card.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    main = page.locator("main")
    for name in [*(name for name, _ in lessons), pretest, posttest]:
        expect(main).to_contain_text(name)

    print(  # noqa: T201 - the issue asks for the step count in the test output
        f"\nauthoring journey: {trainer.count} steps by the trainer "
        f"({QUESTIONS} imported questions, {len(lessons)} lessons, pre-test and "
        f"post-test, one submission; {authoring_seconds:.0f} s in the browser), "
        f"{reviewer.count} by the reviewer; bound {STEP_BOUND} steps "
        f"({MINUTES_OF_CLICKING} min at {SECONDS_PER_STEP} s a step)"
    )
    assert trainer.count + reviewer.count <= STEP_BOUND
