"""Every e-mail Sigap sends comes from templates/email/, in the recipient's
language, with absolute links to SITE_URL."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from courses.services import enrol
from lms.competencies.models import ExternalLearningClaim
from lms.competencies.tasks import send_claim_outcome
from lms.hr.imports import send_invitations
from lms.hr.reminders import send_due_reminders
from lms.hr.services import notify_enrolled
from tests.factories import make_claim_with_evidence

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://sigap.example.go.id"
AUGUST = datetime.datetime(2026, 8, 3, 1, 0, tzinfo=datetime.UTC)


def send_claim_outcome_to(user, course):
    claim = make_claim_with_evidence(user)
    claim.status = ExternalLearningClaim.Status.APPROVED
    claim.review_reason = "Sertifikat sah."
    claim.save()
    send_claim_outcome.call(claim_id=claim.pk)


def send_enrolled_by_hr_to(user, course):
    enrolment, _created = enrol(
        user=user, course=course, deadline=datetime.date(2026, 12, 1)
    )
    notify_enrolled(enrolments=[enrolment])


def send_invitation_to(user, course):
    send_invitations(users=[user])


def send_jp_reminder_to(user, course):
    send_due_reminders(now=AUGUST)


def send_deadline_reminder_to(user, course, settings):
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 12
    enrol(user=user, course=course, deadline=datetime.date(2026, 7, 31))
    send_due_reminders(now=AUGUST)


def send_session_reminder_to(user, course):
    from courses.sessions.models import SessionRegistration
    from courses.sessions.services import send_session_reminders
    from tests.factories import make_session

    session = make_session(course, starts_at=AUGUST + datetime.timedelta(days=1))
    SessionRegistration.objects.create(
        session=session, user=user, registered_at=AUGUST - datetime.timedelta(days=7)
    )
    send_session_reminders(now=AUGUST + datetime.timedelta(minutes=1))


def send_programme_due_to(user, course, settings):
    from lms.programmes.models import Programme, ProgrammeAssignment, ProgrammeItem

    settings.SIGAP_REMINDER_JP_FROM_MONTH = 12
    programme = Programme.objects.create(
        title="Program Uji", code="UJI", owner_unit=user.asn_profile.unit
    )
    ProgrammeItem.objects.create(programme=programme, course=course)
    ProgrammeAssignment.objects.create(
        programme=programme,
        user=user,
        source=ProgrammeAssignment.Source.HAND,
        assigned_at=AUGUST,
        due_on=datetime.date(2026, 8, 6),
    )
    send_due_reminders(now=AUGUST)


KINDS = {
    "claim_outcome": send_claim_outcome_to,
    "enrolled_by_hr": send_enrolled_by_hr_to,
    "invitation": send_invitation_to,
    "jp_reminder": send_jp_reminder_to,
    "deadline_reminder": send_deadline_reminder_to,
    "session_reminder": send_session_reminder_to,
    "programme_due": send_programme_due_to,
}
GREETING = {"id": "Yth. ", "en": "Dear "}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_email_is_written_in_the_recipients_language_with_absolute_links(
    kind, language, learner, course, settings
):
    settings.SITE_URL = SITE_URL
    UserProfile.objects.update_or_create(
        user=learner, defaults={"preferred_language": language}
    )
    send = KINDS[kind]
    if kind in ("deadline_reminder", "programme_due"):
        send(learner, course, settings)
    else:
        send(learner, course)

    [email] = [message for message in mail.outbox if message.to == [learner.email]]
    assert email.subject and "\n" not in email.subject
    assert email.body.startswith(GREETING[language])
    other = GREETING["en" if language == "id" else "id"]
    assert other not in email.body
    links = re.findall(r"https?://\S+", email.body)
    assert links and all(link.startswith(SITE_URL + "/") for link in links)


def test_learners_without_a_chosen_language_get_indonesian(learner, course):
    send_enrolled_by_hr_to(learner, course)
    [email] = mail.outbox
    assert email.body.startswith("Yth. ")
    assert "Batas waktu penyelesaian: 01-12-2026." in email.body


def test_every_email_kind_has_its_templates():
    for kind in KINDS:
        for suffix in ("_subject.txt", ".txt"):
            assert (ROOT / "templates" / "email" / f"{kind}{suffix}").is_file()


def test_no_email_is_built_from_python_strings():
    sending = re.compile(r"\bsend_mail\(|EmailMessage\(|EmailMultiAlternatives\(")
    senders = [
        str(path.relative_to(ROOT))
        for folder in ("lms", "courses", "certificates")
        for path in (ROOT / folder).rglob("*.py")
        if sending.search(path.read_text(encoding="utf-8"))
    ]
    # allauth's adapter only passes its own templates on to allauth.
    assert sorted(senders) == ["lms/accounts/adapter.py", "lms/emails.py"]
