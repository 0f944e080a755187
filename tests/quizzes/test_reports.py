"""Trainer reports: results per quiz, growth per course, item analysis, regrade."""

import pytest
from django.urls import reverse

from courses.quizzes.models import Attempt
from courses.quizzes.regrade import regrade_quiz
from courses.quizzes.reports import (
    course_growth,
    item_analysis,
    normalised_gain,
    quiz_summary,
)
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import enrol, mark_lesson_complete
from lms.audit.models import AuditEvent
from tests.factories import AsnProfileFactory, UserFactory, make_question, make_quiz

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def take(quiz, user, right: set[int]):
    """``user`` answers the items at positions in ``right`` correctly, others wrong."""
    enrol(user=user, course=quiz.get_course())
    attempt = start_attempt(quiz=quiz, user=user)
    answers = {}
    for item in attempt.snapshot:
        wrong = next(c["k"] for c in item["choices"] if c["k"] not in item["key"])
        answers[item["pos"]] = item["key"][0] if item["pos"] in right else wrong
    save_answers(attempt=attempt, answers=answers)
    attempt, _ = submit_attempt(attempt=attempt)
    return attempt


@pytest.fixture
def learners(unit):
    return [AsnProfileFactory(unit=unit).user for _ in range(8)]


@pytest.fixture
def five_question_quiz(course):
    return make_quiz(course, [make_question(course) for _ in range(5)], pass_mark=60)


def test_quiz_summary_counts_mean_pass_rate_and_distribution(
    five_question_quiz, learners
):
    patterns = [{1, 2, 3, 4, 5}, {1, 2, 3}, {1}, set()]
    for user, right in zip(learners[:4], patterns, strict=True):
        take(five_question_quiz, user, right)
    summary = quiz_summary(quiz=five_question_quiz)
    assert summary.attempts == 4
    assert summary.mean == pytest.approx((100 + 60 + 20 + 0) / 4)
    assert summary.pass_rate == 50
    counts = {bucket.label: bucket.count for bucket in summary.distribution}
    assert counts["90–100"] == 1
    assert counts["60–69"] == 1
    assert counts["0–9"] == 1


@pytest.mark.parametrize(
    ("pre", "post", "gain"),
    [(40, 70, 0.5), (80, 90, 0.5), (50, 40, -0.2), (100, 100, None)],
)
def test_normalised_gain(pre, post, gain):
    assert normalised_gain(pre, post) == (
        pytest.approx(gain) if gain is not None else None
    )


def test_course_growth_compares_first_pretest_with_best_posttest(course, learners):
    pretest = make_quiz(
        course, [make_question(course) for _ in range(5)], kind="pretest"
    )
    posttest = make_quiz(
        course, [make_question(course) for _ in range(5)], kind="posttest"
    )
    first, second = learners[:2]
    take(pretest, first, {1, 2})  # 40
    take(pretest, second, {1, 2, 3, 4})  # 80
    for user in (first, second):
        enrolment = user.enrolments.get()
        for lesson in course.lessons():
            mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    take(posttest, first, {1})  # 20, then a better attempt counts
    take(posttest, first, {1, 2, 3, 4})  # 80
    take(posttest, second, {1, 2, 3, 4, 5})  # 100
    growth = course_growth(course=course)
    assert growth.paired == 2
    assert growth.mean_pre == pytest.approx(60)
    assert growth.mean_post == pytest.approx(90)
    assert growth.mean_gain == pytest.approx(((80 - 40) / 60 + 1.0) / 2)
    assert growth.class_gain == pytest.approx(0.75)


def test_item_analysis_flags_easy_hard_and_negative_discrimination(
    five_question_quiz, learners
):
    # Question 1: everyone right (too easy). Question 5: only the weakest right
    # (negative discrimination). Question 4: nobody right (too hard).
    patterns = [
        {1, 2, 3},
        {1, 2, 3},
        {1, 2, 3},
        {1, 2},
        {1, 2},
        {1, 3},
        {1, 5},
        {1, 5},
    ]
    for user, right in zip(learners, patterns, strict=True):
        take(five_question_quiz, user, right)
    rows = {row.question_id: row for row in item_analysis(quiz=five_question_quiz)}
    ids = [block.value.pk for block in five_question_quiz.items]
    assert rows[ids[0]].facility == 1
    assert "terlalu mudah" in rows[ids[0]].flags
    assert "terlalu sulit" in rows[ids[3]].flags
    assert "daya beda negatif" in rows[ids[4]].flags
    assert rows[ids[2]].discrimination > 0
    assert rows[ids[2]].point_biserial > 0
    shares = {c.text: c.count for c in rows[ids[1]].choices}
    assert shares == {"Jakarta": 5, "Bandung": 3, "Medan": 0}


def test_item_analysis_query_count_does_not_grow_with_attempts(
    five_question_quiz, learners, django_assert_max_num_queries
):
    for user in learners:
        take(five_question_quiz, user, {1, 2})
    with django_assert_max_num_queries(5):
        rows = item_analysis(quiz=five_question_quiz)
    assert len(rows) == 5


def test_trainer_reads_the_quiz_report(client, catalog, unit):
    trainer = UserFactory(roles=["Pengajar"])
    from tests.factories import make_course

    course = make_course(catalog, trainer=trainer)
    quiz = make_quiz(course, [make_question(course)])
    take(quiz, AsnProfileFactory(unit=unit).user, {1})
    client.force_login(trainer)
    page = client.get(reverse("quizzes:report", args=[quiz.pk])).content.decode()
    assert "Analisis butir soal" in page
    assert "Sebaran nilai" in page
    growth = client.get(reverse("quizzes:course_report", args=[course.pk]))
    assert "gain ternormalisasi" in growth.content.decode()


def finish_lessons_and_answer_bandung(course, posttest, learner):
    """Enrol, finish every lesson, and take the two-question post-test: the first
    answered by its key, the second with "Bandung" (wrong until the key is fixed)."""
    enrolment, _ = enrol(user=learner, course=course)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    attempt = start_attempt(quiz=posttest, user=learner)
    first, second = attempt.snapshot
    bandung = next(c["k"] for c in second["choices"] if c["text"] == "Bandung")
    save_answers(
        attempt=attempt, answers={first["pos"]: first["key"][0], second["pos"]: bandung}
    )
    submit_attempt(attempt=attempt)
    return enrolment, attempt, second


def test_regrade_dry_run_lists_changes_and_writes_nothing(five_question_quiz, learners):
    attempt = take(five_question_quiz, learners[0], {1, 2, 3})  # 60: passed
    question = five_question_quiz.items[0].value
    question.choices.update(is_correct=False)
    question.choices.filter(text="Bandung").update(is_correct=True)
    result = regrade_quiz(quiz=five_question_quiz, actor=None, apply=False)
    [change] = result.changes
    assert (change.old_percent, change.new_percent) == (60, 40)
    assert change.old_passed and not change.new_passed
    attempt.refresh_from_db()
    assert attempt.percent == 60
    assert not AuditEvent.objects.filter(action="quiz.regrade").exists()


def test_regrade_apply_updates_attempts_logs_it_and_completes_the_course(
    course, learners
):
    trainer = UserFactory(roles=["Pengajar"])
    posttest = make_quiz(
        course,
        [make_question(course) for _ in range(2)],
        kind="posttest",
        pass_mark=100,
    )
    learner = learners[0]
    enrolment, attempt, second = finish_lessons_and_answer_bandung(
        course, posttest, learner
    )
    enrolment.refresh_from_db()
    assert not enrolment.is_completed
    # The trainer finds the second question's key was wrong: Bandung is right.
    question = posttest.items[1].value
    question.choices.update(is_correct=False)
    question.choices.filter(text="Bandung").update(is_correct=True)
    result = regrade_quiz(quiz=posttest, actor=trainer, apply=True)
    assert result.applied and len(result.changes) == 1
    attempt.refresh_from_db()
    assert attempt.percent == 100 and attempt.passed
    assert attempt.regraded_at is not None
    assert attempt.snapshot[1]["text"] == second["text"]
    event = AuditEvent.objects.get(action="quiz.regrade")
    assert event.actor == trainer
    assert event.data["changes"][0]["to"] == 100
    enrolment.refresh_from_db()
    assert enrolment.is_completed


def test_regrade_page_runs_a_dry_run_then_applies(client, catalog, unit):
    from tests.factories import make_course

    trainer = UserFactory(roles=["Pengajar"])
    course = make_course(catalog, trainer=trainer)
    quiz = make_quiz(course, [make_question(course)])
    attempt = take(quiz, AsnProfileFactory(unit=unit).user, set())
    quiz.items[0].value.choices.update(is_correct=True)
    client.force_login(trainer)
    url = reverse("quizzes:regrade", args=[quiz.pk])
    dry = client.post(url, {"action": "dry"}).content.decode()
    assert "menjadi lulus" in dry
    assert Attempt.objects.get(pk=attempt.pk).percent == 0
    applied = client.post(url, {"action": "apply"})
    assert applied.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).percent == 100


def test_regrade_updates_the_competency_growth_recorded_at_completion(course, learners):
    from lms.competencies.models import CompetencyEvidence
    from tests.factories import map_competency

    map_competency(course, "M.5", target_level=2)
    posttest = make_quiz(
        course,
        [make_question(course, competency="M.5") for _ in range(2)],
        kind="posttest",
        pass_mark=50,
    )
    learner = learners[0]
    enrolment, _, _ = finish_lessons_and_answer_bandung(course, posttest, learner)
    evidence = CompetencyEvidence.objects.get(enrolment=enrolment)
    assert evidence.post_percent == 50
    question = posttest.items[1].value
    question.choices.update(is_correct=False)
    question.choices.filter(text="Bandung").update(is_correct=True)
    regrade_quiz(quiz=posttest, actor=None, apply=True)
    evidence.refresh_from_db()
    assert evidence.post_percent == 100
    assert evidence.post_test_score == 100


regrade_calls: list[int] = []


def record_regrade_step(*, enrolment):
    regrade_calls.append(enrolment.pk)


def test_regrade_runs_the_registered_steps_for_each_learner_whose_score_changed(
    settings, course, learners
):
    settings.SIGAP_REGRADE_STEPS = [f"{__name__}.record_regrade_step"]
    regrade_calls.clear()
    posttest = make_quiz(
        course,
        [make_question(course) for _ in range(2)],
        kind="posttest",
        pass_mark=50,
    )
    changed, _, _ = finish_lessons_and_answer_bandung(course, posttest, learners[0])
    # Another learner answers "Medan", wrong under either key: score unchanged.
    other, _ = enrol(user=learners[1], course=course)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=other, lesson=lesson)
    attempt = start_attempt(quiz=posttest, user=learners[1])
    first, second = attempt.snapshot
    medan = next(c["k"] for c in second["choices"] if c["text"] == "Medan")
    save_answers(
        attempt=attempt, answers={first["pos"]: first["key"][0], second["pos"]: medan}
    )
    submit_attempt(attempt=attempt)
    question = posttest.items[1].value
    question.choices.update(is_correct=False)
    question.choices.filter(text="Bandung").update(is_correct=True)

    regrade_quiz(quiz=posttest, actor=None, apply=True)

    assert regrade_calls == [changed.pk]


LONGEST_IS_KEY = [
    ("Menunda keputusan sampai semua data lengkap", False),
    ("Mengamankan warga lalu memilah kebutuhan menurut urgensinya", True),
    ("Menutup layanan tanpa kanal pengganti", False),
]
LENGTHS_EVEN = [
    ("Menunda keputusan sampai semua data lengkap", False),
    ("Mengamankan warga, lalu memilah kebutuhan", True),
    ("Menutup layanan tanpa menyediakan kanal pengganti", False),
]


def report_page(client, quiz) -> str:
    client.force_login(quiz.get_course().trainer)
    return client.get(reverse("quizzes:report", args=[quiz.pk])).content.decode()


@pytest.fixture
def trainer_course(catalog):
    from tests.factories import make_course

    return make_course(catalog, trainer=UserFactory(roles=["Pengajar"]))


def test_quiz_report_warns_when_the_longest_option_is_usually_the_key(
    client, trainer_course
):
    course = trainer_course
    guessable = make_quiz(
        course,
        [make_question(course, choices=LONGEST_IS_KEY) for _ in range(3)]
        + [make_question(course, choices=LENGTHS_EVEN)],
    )
    fair = make_quiz(
        course,
        [make_question(course, choices=LONGEST_IS_KEY)]
        + [make_question(course, choices=LENGTHS_EVEN) for _ in range(3)],
    )
    page = report_page(client, guessable)
    assert "3 dari 4 soal pilihan tunggal memakai pilihan terpanjang" in page
    assert "peserta bisa menebak" in page
    page = report_page(client, fair)
    assert "1 dari 4 soal pilihan tunggal berkunci pilihan terpanjang" in page
    assert "peserta bisa menebak" not in page


def test_item_analysis_flags_each_question_whose_key_is_the_longest_option(
    course, learners
):
    longest = make_question(course, choices=LONGEST_IS_KEY)
    even = make_question(course, choices=LENGTHS_EVEN)
    stands_out = make_question(
        course,
        choices=[("Ya", False), ("Tidak", False), ("Tergantung kewenangan", True)],
    )
    quiz = make_quiz(course, [longest, even, stands_out])
    take(quiz, learners[0], {1})
    flags = {row.question_id: row.flags for row in item_analysis(quiz=quiz)}
    assert "kunci = pilihan terpanjang" in flags[longest.pk]
    assert not [flag for flag in flags[even.pk] if "kunci" in flag]
    assert "kunci jauh lebih panjang dari pengecoh" in flags[stands_out.pk]


def test_quiz_report_warns_of_near_identical_pretest_and_posttest_questions(
    client, catalog, trainer_course
):
    from tests.factories import make_course

    text = "Dalam siklus OODA, tahap yang memaknai fakta dengan konteks adalah..."
    course = trainer_course
    pretest = make_quiz(course, [make_question(course, text=text)], kind="pretest")
    posttest = make_quiz(
        course,
        [make_question(course, text=text.replace("Dalam", "Pada"))],
        kind="posttest",
    )
    for quiz in (pretest, posttest):
        assert "hampir sama dengan soal pasangan" in report_page(client, quiz)
    # The same competency asked with another case and other words: no warning.
    other = make_course(catalog, trainer=course.trainer)
    reworded = make_quiz(other, [make_question(other, text=text)], kind="pretest")
    make_quiz(
        other,
        [
            make_question(
                other,
                text="Petugas menimbang aturan dan kondisi desa. Tahap apa ini?",
                choices=[("Amati", False), ("Orientasikan", True), ("Putuskan", False)],
            )
        ],
        kind="posttest",
    )
    assert "hampir sama dengan soal pasangan" not in report_page(client, reworded)


def test_existing_two_item_ordering_question_still_runs_and_is_flagged(
    client, trainer_course, unit
):
    course = trainer_course
    short = make_question(
        course, "ordering", choices=[("Amati", False), ("Putuskan", False)]
    )
    quiz = make_quiz(course, [short])
    learner = AsnProfileFactory(unit=unit).user
    enrol(user=learner, course=course)
    attempt = start_attempt(quiz=quiz, user=learner)
    [item] = attempt.snapshot
    save_answers(attempt=attempt, answers={item["pos"]: item["key"]})
    attempt, _ = submit_attempt(attempt=attempt)
    assert attempt.percent == 100
    assert "mengurutkan kurang dari tiga butir" in item_analysis(quiz=quiz)[0].flags
    assert "soal mengurutkan berisi kurang dari tiga butir" in report_page(client, quiz)
