"""Demo course evaluations for ``seed_demo``: the four demo courses require their
evaluation, one has a trainer's own question, and the HR demo staff who finished
a course sent its evaluation through the real service, so that the results show:
BCP, KIL and KKO have five responses or more (figures, charts, comments), PPK has
three (the "too few responses" message). Runs after every other step (the staff's
completions come first, as if the evaluation had been asked from then on).
Idempotent: the service never takes a second evaluation from the same person.
"""

import random

from courses.models import CoursePage, Enrolment
from lms.evaluation.models import CourseQuestion
from lms.evaluation.selectors import evaluation_form, has_sent_evaluation
from lms.evaluation.services import EvaluationRefused, submit_evaluation

# How many finished staff answered, and how each course was judged: the mean
# score per section (materi, pengajar, penyelenggaraan, sarana, tambahan).
COURSES = {
    "BCP": {
        "responses": 17,
        "means": {
            "materi": 4.4,
            "pengajar": 4.6,
            "penyelenggaraan": 4.0,
            "sarana": 3.4,
            "tambahan": 4.5,
        },
        "question": "Simulasi keputusan cepat di modul ini relevan dengan tugas saya.",
        "comments": [
            "Studi kasus banjir di Sukamaju membuat materi terasa nyata.",
            "Video di pelajaran kedua berat dibuka dengan sinyal 3G di kecamatan "
            "kami; mohon ada versi ringan.",
            "Kerangka OODA langsung saya pakai saat rapat posko.",
            "Post-test 20 menit cukup, tetapi soal mencocokkan perlu contoh dulu.",
            "Pengajar menjawab pertanyaan di forum dengan cepat dan jelas.",
            "Mohon ditambah contoh keputusan di puskesmas, bukan hanya BPBD.",
            "Materi ringkas dan bisa dibaca di sela pelayanan.",
            "Tampilan di ponsel sudah nyaman.",
        ],
    },
    "KIL": {
        "responses": 11,
        "means": {
            "materi": 4.1,
            "pengajar": 4.2,
            "penyelenggaraan": 3.9,
            "sarana": 3.8,
        },
        "comments": [
            "Contoh inovasi layanan dari kabupaten lain sangat menginspirasi.",
            "Lembar kerja ide inovasi sebaiknya bisa diunduh sebagai dokumen.",
            "Penjelasan design thinking agak cepat di bagian prototipe.",
            "Jadwal pengerjaan jelas sejak awal.",
        ],
    },
    "KKO": {
        "responses": 6,
        "means": {
            "materi": 3.9,
            "pengajar": 4.3,
            "penyelenggaraan": 3.6,
            "sarana": 3.9,
        },
        "comments": [
            "Bagian kolaborasi lintas OPD paling bermanfaat.",
            "Perlu lebih banyak latihan memimpin rapat koordinasi.",
        ],
    },
    # Fewer than five: the results page says so and shows nothing else.
    "PPK": {
        "responses": 3,
        "means": {
            "materi": 4.5,
            "pengajar": 4.4,
            "penyelenggaraan": 4.1,
            "sarana": 3.7,
        },
        "comments": ["Standar pelayanan minimal saat krisis dijelaskan dengan baik."],
    },
}


def _require_evaluation(course: CoursePage, question: str) -> CoursePage:
    """The course asks for its evaluation (and its trainer's own question)."""
    has_question = (
        not question
        or CourseQuestion.objects.filter(course=course, text=question).exists()
    )
    if course.requires_evaluation and has_question:
        return course
    course.requires_evaluation = True
    if not has_question:
        course.evaluation_questions.add(CourseQuestion(text=question, kind="scale"))
    course.save_revision(user=course.trainer).publish()
    return CoursePage.objects.get(pk=course.pk)


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.7))))


def _answers(course: CoursePage, rng: random.Random, data: dict, comment: str):
    answers: dict[str, object] = {}
    for item in evaluation_form(course=course):
        if item.is_scale:
            answers[item.name] = _score(rng, data["means"].get(item.section, 4.0))
        elif item.key == "s:komentar-saran":
            answers[item.name] = comment
        else:
            answers[item.name] = ""
    return answers


def seed() -> None:
    for code, data in COURSES.items():
        course = CoursePage.objects.filter(code=code).select_related("trainer").first()
        if course is None:
            continue
        course = _require_evaluation(course, data.get("question", ""))
        finished = (
            Enrolment.objects.filter(
                course=course,
                status=Enrolment.Status.COMPLETED,
                user__email__startswith="staf",
            )
            .select_related("user", "course")
            .order_by("user__email")
        )
        comments = data["comments"]
        for index, enrolment in enumerate(finished[: data["responses"]]):
            if has_sent_evaluation(user=enrolment.user, course=course):
                continue
            rng = random.Random(f"evaluasi:{code}:{enrolment.user.email}")
            comment = comments[index] if index < len(comments) else ""
            try:
                submit_evaluation(
                    enrolment=enrolment,
                    answers=_answers(course, rng, data, comment),
                )
            except EvaluationRefused:
                # A demo learner who has not done every lesson: not asked yet.
                continue
