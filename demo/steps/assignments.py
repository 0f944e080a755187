"""Demo assignments for ``seed_demo``: the modules' reflection prompts become
reflections learners answer (pass/revise), and each module's first case study
gets a written task graded by rubric. Demo learners have answers in every state:
waiting, revision asked, handed in again, graded. Idempotent: lessons that
already hold an assignment are left alone; answers are made once per course."""

import datetime
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape

from courses.assignments.models import Grading, Submission
from courses.assignments.selectors import course_assignments, find_assignment
from courses.assignments.services import grade_submission, submit_assignment
from courses.models import CoursePage, Enrolment, LessonPage
from courses.quizzes.models import Attempt, QuizPage
from demo.loader import load_modules
from demo.steps.quizzes import read_lessons, take_quiz
from lms.accounts.models import User

TRAINER = "pengajar@sigap.test"
LEARNER = "peserta@sigap.test"

RUBRIC = [
    {
        "name": "Pemahaman masalah",
        "levels": [
            {
                "label": "Kurang",
                "description": "Masalah tidak dirumuskan.",
                "points": 1,
            },
            {"label": "Cukup", "description": "Masalah dirumuskan umum.", "points": 2},
            {
                "label": "Baik",
                "description": "Masalah dirumuskan dengan dampaknya bagi warga.",
                "points": 3,
            },
        ],
    },
    {
        "name": "Penerapan konsep pelajaran",
        "levels": [
            {"label": "Kurang", "description": "", "points": 1},
            {"label": "Cukup", "description": "", "points": 2},
            {"label": "Baik", "description": "", "points": 3},
        ],
    },
    {
        "name": "Rencana tindak lanjut",
        "levels": [
            {"label": "Belum ada", "description": "", "points": 0},
            {"label": "Ada, belum terukur", "description": "", "points": 2},
            {"label": "Terukur dan realistis", "description": "", "points": 4},
        ],
    },
]

# (text of the first round, of the second) by learner; realistic answers.
ANSWERS = [
    "Di puskesmas kami antrean rujukan BPJS menumpuk setiap Senin. Saya usulkan "
    "pendaftaran rujukan lewat WhatsApp sehari sebelumnya untuk pasien kontrol.",
    "Layanan akta kelahiran di kecamatan berhenti saat jaringan SIAK putus. "
    "Kami perlu formulir kertas cadangan dan jadwal input ulang yang jelas.",
    "Saat banjir Januari, warga tidak tahu layanan mana yang tetap buka. "
    "Pengumuman di Instagram saja tidak cukup untuk warga lanjut usia.",
    "Rapat koordinasi lintas bidang sering tanpa keputusan. Saya akan mencoba "
    "format rapat 30 menit dengan satu keputusan dan penanggung jawab.",
]
REVISED = (
    "Revisi: selama tiga bulan terakhir rata-rata 120 pasien per Senin, 40 di "
    "antaranya pasien kontrol. Target: antrean Senin turun 30% dalam dua bulan, "
    "dipantau kepala seksi pelayanan setiap Jumat."
)


def _assignment_blocks(lesson: LessonPage) -> list[dict] | None:
    """The lesson's body with its reflection prompts as assignments and a rubric
    task after its case study; None when there is nothing to change."""
    raw = list(lesson.body.raw_data)
    if any(block.get("type") == "assignment" for block in raw):
        return None
    body, changed = [], False
    for block in raw:
        value = block.get("value") or {}
        if block.get("type") == "reflection":
            hint = value.get("hint") or ""
            body.append(
                {
                    "type": "assignment",
                    "id": block.get("id") or f"refleksi-{lesson.pk}",
                    "value": {
                        "title": f"Refleksi: {lesson.title}"[:200],
                        "kind": "reflection",
                        "instructions": f"<p>{escape(value.get('prompt', ''))}</p>"
                        + (f"<p><i>{escape(hint)}</i></p>" if hint else ""),
                        "accepts_text": True,
                        "accepts_file": False,
                        "file_types": [],
                        "max_file_mb": 5,
                        "due_date": None,
                        "grading": "pass_revise",
                        "rubric": [],
                        "pass_points": None,
                        "required": False,
                    },
                }
            )
            changed = True
            continue
        body.append(block)
        if block.get("type") == "case_study":
            # A list block's raw items are {"id", "type", "value"} dicts.
            questions = "".join(
                f"<li>{escape(q['value'] if isinstance(q, dict) else q)}</li>"
                for q in value.get("questions") or ()
            )
            body.append(
                {
                    "type": "assignment",
                    "id": f"tugas-kasus-{lesson.pk}",
                    "value": {
                        "title": f"Tugas: {value.get('title', '')}"[:200],
                        "kind": "assignment",
                        "instructions": "<p>Diskusikan studi kasus di atas dengan "
                        "rekan kerja Anda, lalu tuliskan jawaban Anda untuk "
                        f"pertanyaan berikut:</p><ol>{questions}</ol><p>Lampirkan "
                        "berkas (PDF atau Word) bila jawaban Anda memuat tabel.</p>",
                        "accepts_text": True,
                        "accepts_file": True,
                        "file_types": ["pdf", "docx"],
                        "max_file_mb": 5,
                        "due_date": (
                            timezone.localdate() + datetime.timedelta(days=14)
                        ).isoformat(),
                        "grading": "rubric",
                        "rubric": RUBRIC,
                        "pass_points": 6,
                        "required": False,
                    },
                }
            )
            changed = True
    return body if changed else None


def _convert_lessons(course: CoursePage, trainer: User | None) -> None:
    for lesson in LessonPage.objects.child_of(course).live().specific():
        body = _assignment_blocks(lesson)
        if body is None:
            continue
        lesson.body = body
        # Published by Sigap itself (no user: the seed is not the trainer's act).
        lesson.save_revision(user=trainer, log_action=False).publish(log_action=False)


def _opened_the_lesson(enrolment: Enrolment, lesson: LessonPage) -> None:
    """What a learner who hands in a task has done first: the course's pre-test
    (the lesson page asks for it before any lesson) and some time in the lesson,
    so the demo learner's dashboard offers to continue where the task is."""
    rng = random.Random(f"{enrolment.course.code}:{enrolment.user.email}")
    pretests = QuizPage.objects.live().child_of(enrolment.course).filter(kind="pretest")
    for pretest in pretests:
        if not Attempt.objects.filter(quiz=pretest, user=enrolment.user).exists():
            take_quiz(pretest, enrolment.user, rng, rng.uniform(0.3, 0.6))
    read_lessons(enrolment, [lesson], rng)


def _answers(course: CoursePage, trainer: User) -> None:
    """Four learners' answers to the course's rubric task, one in each state."""
    if Submission.objects.filter(course=course).exists():
        return
    tasks = [a for a in course_assignments(course=course) if a.uses_rubric]
    if not tasks:
        return
    task = tasks[0]
    lesson = LessonPage.objects.get(pk=task.lesson_id)
    assignment = find_assignment(lesson=lesson, block_id=task.block_id)
    enrolments = list(
        Enrolment.objects.filter(course=course)
        .select_related("user")
        .order_by("user__email")[:4]
    )
    # The main demo learner, when enrolled, has the answer a revision was asked of.
    main = next((e for e in enrolments if e.user.email == LEARNER), None)
    if main is None:
        main = Enrolment.objects.filter(course=course, user__email=LEARNER).first()
        if main is not None and len(enrolments) == 4:
            enrolments.pop()
    if main is not None:
        enrolments = [e for e in enrolments if e.pk != main.pk]
        enrolments.insert(min(1, len(enrolments)), main)
    for index, enrolment in enumerate(enrolments):
        upload = None
        if index == 3:
            upload = SimpleUploadedFile(
                "rencana-tindak-lanjut.pdf",
                b"%PDF-1.4\n% Rencana tindak lanjut (demo)\n%%EOF\n",
            )
        _opened_the_lesson(enrolment, lesson)
        first = submit_assignment(
            user=enrolment.user,
            enrolment=enrolment,
            lesson=lesson,
            assignment=assignment,
            text=ANSWERS[index],
            upload=upload,
        )
        if index == 0:
            continue  # waiting for grading
        if index in (1, 2):
            grade_submission(
                submission=first,
                grader=trainer,
                assignment=assignment,
                decision=Grading.Decision.REVISION,
                levels=[1, 1, 0],
                feedback="Masalahnya sudah jelas. Tambahkan data (berapa warga "
                "terdampak per minggu) dan target yang dapat diukur.",
            )
        if index == 2:
            submit_assignment(
                user=enrolment.user,
                enrolment=enrolment,
                lesson=lesson,
                assignment=assignment,
                text=REVISED,
            )
        if index == 3:
            grade_submission(
                submission=first,
                grader=trainer,
                assignment=assignment,
                decision=Grading.Decision.PASSED,
                levels=[2, 2, 2],
                feedback="Rencana Anda realistis dan terukur. Bagikan hasilnya "
                "di forum unit setelah dua bulan.",
            )


def seed() -> None:
    trainer = User.objects.filter(email=TRAINER).first()
    codes = [module["code"] for module in load_modules()]
    for course in CoursePage.objects.filter(code__in=codes).order_by("pk"):
        _convert_lessons(course, trainer)
        if trainer is not None:
            _answers(course, trainer)
