"""Demo programme for ``seed_demo``: "Pelayanan Publik Tangguh Krisis".

The four demo modules and the webinar, assigned by rule to Dinas Kesehatan (with
its two puskesmas), so HR's compliance report (/hr/program/) has people in every
state: complete (Made Suarsana), in progress, assigned, overdue (Yohanes Kambu),
and one holder whose programme certificate expires in 25 days (Nur Aisyah), who
is already re-assigned for recertification and reminded.

Idempotent: the programme and rule are created once (by code); assignments come
from the rules (never twice); completions and dates are set only where missing.
"""

import datetime

from django.utils import timezone

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment
from courses.permissions import LearningRefused
from courses.services import complete_enrolment, enrol
from lms.accounts.models import OrgUnit, User
from lms.programmes.models import AssignmentRule, Programme, ProgrammeAssignment
from lms.programmes.reminders import send_expiry_reminders
from lms.programmes.services import evaluate_rules, renew_expiring, save_programme

PROGRAMME_CODE = "pptk"
PROGRAMME_TITLE = "Pelayanan Publik Tangguh Krisis"
COURSE_CODES = ["PPK", "BCP", "KKO", "KIL", "WPP"]
RULE_UNIT = "SR-DINKES"
OWNER_UNIT = "PEMKAB-SR"
COMPLETE_EMAILS = ["staf06@sigap.test", "staf03@sigap.test"]  # Made, Nur
EXPIRING_EMAIL = "staf03@sigap.test"
EXPIRING_IN_DAYS = 25
OVERDUE_EMAIL = "staf04@sigap.test"


def _programme() -> Programme | None:
    existing = Programme.objects.filter(code=PROGRAMME_CODE).first()
    if existing is not None:
        return existing
    courses = dict(
        CoursePage.objects.live()
        .filter(code__in=COURSE_CODES)
        .values_list("code", "pk")
    )
    owner = OrgUnit.objects.filter(code=OWNER_UNIT).first()
    if owner is None or len(courses) < len(COURSE_CODES):
        return None
    return save_programme(
        programme=Programme(
            title=PROGRAMME_TITLE,
            code=PROGRAMME_CODE,
            description=(
                "Empat modul pelayanan publik di masa krisis dan webinar Dinamika "
                "Pelayanan Publik, wajib bagi seluruh pegawai Dinas Kesehatan."
            ),
            owner_unit=owner,
            due_days=90,
            validity_months=24,
        ),
        items=[(courses[code], True) for code in COURSE_CODES],
        by=User.objects.filter(email="hr@sigap.test").first(),
    )


def _complete_all(user: User, programme: Programme) -> None:
    for item in programme.items.select_related("course"):
        enrolment, _created = enrol(
            user=user, course=item.course.specific, source=Enrolment.Source.BULK
        )
        # A renewal cycle (below: the expiring certificate) stays to do.
        if enrolment.cycle == 1 and not enrolment.is_completed:
            try:
                complete_enrolment(enrolment=enrolment)
            except LearningRefused:  # a gate the demo learner has not passed
                return


def seed() -> None:
    programme = _programme()
    if programme is None:
        return
    unit = OrgUnit.objects.get(code=RULE_UNIT)
    if not programme.rules.exists():
        AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules(programmes=Programme.objects.filter(pk=programme.pk))
    for email in COMPLETE_EMAILS:
        user = User.objects.filter(email=email).first()
        if user is not None:
            _complete_all(user, programme)
    today = timezone.localdate()
    Certificate.objects.filter(
        pk__in=ProgrammeAssignment.objects.filter(
            programme=programme, user__email=EXPIRING_EMAIL, cycle=1
        ).values("certificate")
    ).update(valid_until=today + datetime.timedelta(days=EXPIRING_IN_DAYS))
    ProgrammeAssignment.objects.filter(
        programme=programme, user__email=OVERDUE_EMAIL, completed_at__isnull=True
    ).update(due_on=today - datetime.timedelta(days=7))
    renew_expiring()
    send_expiry_reminders()
