import pytest
from django.apps import apps
from django.core.management import call_command

from courses.course_time import course_learning_time, jp_warning
from courses.models import CoursePage, LessonPage, LessonProgress, LessonVisit
from lms.accounts.models import User

# One seed for the package (seeding takes long), each test in its own savepoint.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.app_label not in {"sessions", "django_tasks_db"}
    }


def test_seed_demo_creates_the_four_modules_and_demo_accounts():
    assert set(CoursePage.objects.values_list("code", flat=True)) >= {
        "BCP",
        "KIL",
        "KKO",
        "PPK",
    }
    for course in CoursePage.objects.filter(code__in=["BCP", "KIL", "KKO", "PPK"]):
        assert course.lessons().count() >= 3
        assert course.live
    for email in [
        "peserta@sigap.test",
        "pengajar@sigap.test",
        "hr@sigap.test",
        "admin@sigap.test",
    ]:
        user = User.objects.get(email=email)
        assert user.check_password("sigap-demo-2026")
    assert User.objects.get(email="peserta@sigap.test").asn_profile.nip
    assert LessonPage.objects.live().count() >= 12
    # Each module's JP is what its lessons and tests take (1 JP = 45 minutes).
    for course in CoursePage.objects.filter(code__in=["BCP", "KIL", "KKO", "PPK"]):
        time = course_learning_time(course=course)
        assert course.jp == time.supported_jp >= 1, (course.code, time)
        assert jp_warning(course=course, time=time) == ""
    # Every lesson the demo staff marked done was opened for its time first.
    for progress in LessonProgress.objects.select_related("lesson"):
        visit = LessonVisit.objects.get(
            enrolment=progress.enrolment_id, lesson=progress.lesson_id
        )
        read = (progress.completed_at - visit.first_opened_at).total_seconds()
        assert read >= progress.lesson.estimated_minutes * 60 / 2


def test_seed_demo_twice_changes_nothing():
    first = _row_counts()
    call_command("seed_demo", verbosity=0)
    assert _row_counts() == first


def test_seed_demo_shows_course_evaluations_and_the_too_few_message():
    from lms.evaluation.selectors import course_results

    results = {
        course.code: course_results(course=course)
        for course in CoursePage.objects.filter(code__in=["BCP", "PPK"])
    }
    assert not results["BCP"].too_few
    assert results["BCP"].responses >= 5 and results["BCP"].comments
    assert results["PPK"].too_few
    assert (
        CoursePage.objects.filter(
            code__in=["BCP", "KIL", "KKO", "PPK"], requires_evaluation=True
        ).count()
        == 4
    )


def test_seed_demo_has_a_supervisor_with_a_team_in_several_states():
    """atasan@sigap.test (README) sees completed, in-progress and overdue courses;
    HR's reminders page has a history and next reminders."""
    from lms.hr.selectors import reminders_page
    from lms.team.selectors import team_of

    supervisor = User.objects.get(email="atasan@sigap.test")
    assert supervisor.check_password("sigap-demo-2026")
    team = team_of(supervisor=supervisor)
    assert len(team) >= 4
    rows = [row for member in team for row in member.enrolments]
    assert any(row.completed for row in rows)
    assert any(not row.completed and not row.overdue for row in rows)
    assert sum(member.overdue_count for member in team) == 1
    page = reminders_page(User.objects.get(email="hr@sigap.test"))
    assert page.history and page.due and page.opted_out


def test_seed_demo_has_level3_surveys_waiting_and_answered():
    """atasan@sigap.test has one level-3 survey to fill in and answered others;
    HR's level-3 report shows a response rate and ratings."""
    from lms.competencies.models import CompetencyEvidence, EvidenceSource
    from lms.evaluation.level3_reports import level3_report, surveys_for_supervisor

    supervisor = User.objects.get(email="atasan@sigap.test")
    waiting, answered = surveys_for_supervisor(user=supervisor)
    assert len(waiting) == 1 and len(answered) >= 1
    report = level3_report(user=User.objects.get(email="hr@sigap.test"))
    assert sum(course.asked for course in report) >= 2
    assert any(course.answered and course.competencies for course in report)
    assert CompetencyEvidence.objects.filter(source=EvidenceSource.SUPERVISOR).exists()


def test_seed_demo_has_the_programme_assigned_by_rule_in_every_state():
    """HR's compliance report of "Pelayanan Publik Tangguh Krisis" shows people
    complete, in progress, assigned and overdue, and one expiring certificate
    whose holder is re-assigned."""
    from lms.programmes.models import Programme, ProgrammeAssignment
    from lms.programmes.selectors import State, people_in_report

    programme = Programme.objects.get(title="Pelayanan Publik Tangguh Krisis")
    assert programme.items.count() == 5
    assert programme.rules.get().unit.code == "SR-DINKES"
    officer = User.objects.get(email="hr@sigap.test")
    states = set(
        people_in_report(programme=programme, user=officer).values_list(
            "state", flat=True
        )
    )
    assert states == set(State.ALL)
    expiring = ProgrammeAssignment.objects.get(
        programme=programme, user__email="staf03@sigap.test", cycle=1
    )
    assert expiring.certificate.jp == sum(
        item.course.jp for item in programme.items.select_related("course")
    )
    assert expiring.renewals.exists()
    assert expiring.reminders.filter(days_before=30).exists()


def test_the_expiring_holder_takes_the_programme_s_courses_again():
    """staf03's programme certificate expires soon: her courses start a second
    cycle (to do), while the first cycle's completions stay on record."""
    from courses.models import Enrolment

    current = Enrolment.objects.current().filter(user__email="staf03@sigap.test")
    renewed = current.filter(cycle=2)
    assert renewed.count() == 5
    assert not renewed.filter(status=Enrolment.Status.COMPLETED).exists()
    assert (
        Enrolment.objects.filter(user__email="staf03@sigap.test", cycle=1)
        .completed()
        .count()
        >= 5
    )
