"""Demo level-3 evaluations for ``seed_demo``: ``atasan@sigap.test`` was asked
about three of the team's completed courses (as if the weeks had passed): two
answered through the real service (so HR's /hr/evaluasi-atasan/ shows a response
rate and ratings, and the learners get supervisor-observed evidence), one still
waiting at /evaluasi-atasan/. Runs after the team, the completions and the
competency mapping.

Idempotent: one survey per completion; an answered survey is never answered again.
"""

import datetime

from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.models import User
from lms.competencies.models import CourseCompetency
from lms.evaluation.level3 import SupervisorSurveyRefused, answer_supervisor_survey
from lms.evaluation.models import SupervisorAnswer, SupervisorSurvey

SUPERVISOR_EMAIL = "atasan@sigap.test"
# (team member, rating per competency, comment); None: not answered yet.
SURVEYS = [
    (
        "staf03@sigap.test",
        4,
        "Sejak pelatihan, ia memimpin rapat evaluasi data kunjungan tiap bulan dan "
        "mengambil keputusan jadwal posyandu tanpa menunggu arahan.",
    ),
    (
        "staf01@sigap.test",
        3,
        "Sudah mulai menerapkan, tetapi masih sering meminta persetujuan untuk hal "
        "yang menjadi wewenangnya.",
    ),
    ("staf02@sigap.test", None, ""),
]
SENT_DAYS_AGO = 12


def _survey(enrolment: Enrolment, supervisor: User) -> SupervisorSurvey:
    survey, _created = SupervisorSurvey.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner": enrolment.user,
            "course": enrolment.course,
            "supervisor": supervisor,
            "sent_at": timezone.now() - datetime.timedelta(days=SENT_DAYS_AGO),
        },
    )
    return survey


def seed() -> None:
    supervisor = User.objects.filter(email=SUPERVISOR_EMAIL).first()
    if supervisor is None:
        return
    mapped = CourseCompetency.objects.values("course_id")
    for email, rating, comment in SURVEYS:
        enrolment = (
            Enrolment.objects.completed()
            .filter(
                user__email=email,
                user__asn_profile__supervisor=supervisor,
                course_id__in=mapped,
            )
            .select_related("user", "course")
            .order_by("completed_at", "pk")
            .first()
        )
        if enrolment is None:
            continue
        survey = _survey(enrolment, supervisor)
        if rating is None or SupervisorAnswer.objects.filter(survey=survey).exists():
            continue
        competencies = CourseCompetency.objects.filter(
            course_id=enrolment.course_id
        ).values_list("competency_id", flat=True)
        ratings = dict.fromkeys(competencies, rating)
        try:
            answer_supervisor_survey(
                survey=survey, supervisor=supervisor, ratings=ratings, comment=comment
            )
        except SupervisorSurveyRefused:
            continue
