"""The demo's national-sync step: staff get SIASN ids (one left without, to show
HR the reason), their completions are sent to the fake SIASN, and running the
step again sends nothing twice."""

from courses.services import complete_enrolment, enrol
from demo.steps import siasn as siasn_demo
from lms.hr.models import SiasnOutbox
from tests.factories import AsnProfileFactory


def test_demo_step_sends_completions_to_the_fake_and_is_idempotent(
    siasn_on, unit, course, django_capture_on_commit_callbacks
):
    people = [
        AsnProfileFactory(unit=unit).user,
        AsnProfileFactory(unit=unit, nip=siasn_demo.WITHOUT_SIASN_ID).user,
    ]
    for person in people:
        enrolment, _ = enrol(user=person, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            complete_enrolment(enrolment=enrolment)
    SiasnOutbox.objects.all().delete()  # as if completed before the sync was on

    siasn_demo.seed()

    sent = SiasnOutbox.objects.get(enrolment__user=people[0])
    held = SiasnOutbox.objects.get(enrolment__user=people[1])
    assert sent.status == SiasnOutbox.Status.SENT
    assert len(siasn_on.records) == 1
    assert held.status == SiasnOutbox.Status.FAILED
    assert "ID SIASN belum diisi" in held.last_error
    siasn_demo.seed()
    assert len(siasn_on.saves()) == 1


def test_demo_step_does_nothing_when_the_sync_is_off(settings, unit):
    settings.SIGAP_SIASN_BASE_URL = ""
    profile = AsnProfileFactory(unit=unit)
    siasn_demo.seed()
    assert not SiasnOutbox.objects.exists()
    profile.refresh_from_db()
    assert profile.siasn_id == ""
