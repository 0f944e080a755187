import pytest

from courses.assignments.models import Grading, Submission
from courses.assignments.selectors import course_assignments
from courses.models import CoursePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]

MODULES = ["BCP", "KIL", "KKO", "PPK"]


def test_every_demo_module_has_reflections_and_a_rubric_task():
    for course in CoursePage.objects.filter(code__in=MODULES):
        assignments = course_assignments(course=course)
        kinds = {a.kind for a in assignments}
        assert kinds == {"reflection", "assignment"}, course.code
        assert any(a.uses_rubric for a in assignments), course.code


def test_demo_answers_are_in_every_state():
    latest = Submission.objects.latest_rounds()
    assert latest.filter(status="submitted", round=1).exists()
    assert latest.filter(status="revision").exists()
    assert latest.filter(status="submitted", round=2).exists()  # handed in again
    assert latest.filter(status="passed").exists()
    assert Grading.objects.filter(decision="revision").exclude(feedback="").exists()
    assert Submission.objects.exclude(file="").exists()


def test_the_demo_learner_has_an_answer_sent_back_for_revision():
    """peserta@sigap.test (enrolled in the modules by the demo programme) has a task
    sent back with feedback (its e-mail, and so its in-app notification, goes once
    the seed step commits, which a test's transaction never does)."""
    mine = Submission.objects.latest_rounds().filter(user__email="peserta@sigap.test")
    assert mine.filter(status="revision").exists()


def test_demo_learners_with_an_answer_took_the_pretest_first(client):
    """Nobody in the demo hands in a task from a lesson they could not open: the
    course's pre-test comes before its first lesson, so the demo learner can
    follow her notification to the task and revise it."""
    from courses.quizzes.models import Attempt

    for submission in Submission.objects.filter(round=1).select_related("user"):
        assert Attempt.objects.filter(
            user=submission.user,
            quiz__kind="pretest",
            quiz__path__startswith=submission.course.path,
        ).exists(), submission.user.email
    sari = (
        Submission.objects.latest_rounds()
        .filter(user__email="peserta@sigap.test", status="revision")
        .first()
    )
    client.force_login(sari.user)
    page = client.get(f"/tugas/{sari.lesson_id}/{sari.block_id}/")
    assert page.status_code == 200
    assert "Kirim revisi" in page.content.decode()


def test_the_case_study_tasks_list_its_questions_as_text():
    """The rubric task after a case study lists the case's questions, as the
    learner reads them (a list block's raw items once showed as Python dicts)."""
    from courses.models import LessonPage

    lesson = LessonPage.objects.get(title="Krisis dan Kebutuhan Berpikir Cepat")
    task = next(
        block.value
        for block in lesson.body
        if block.block_type == "assignment" and block.value["kind"] == "assignment"
    )
    instructions = task["instructions"].source
    assert "<li>Informasi apa yang paling Anda butuhkan dalam 15 menit" in instructions
    assert "'type'" not in instructions and "&#x27;" not in instructions
