"""Create Sigap's demo content. Idempotent: running it twice changes nothing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.steps import (
    accounts,
    assignments,
    certificates,
    competencies,
    courses,
    discussion,
    evaluation,
    hr,
    level3,
    lti,
    packages,
    programmes,
    quizzes,
    sessions,
    siasn,
    team,
)

# Each step is a module with a ``seed()`` function; order matters (people first).
SEED_STEPS = [
    accounts,
    courses,
    hr,
    # The supervisor's team (after the staff and their enrolments) and a history
    # of reminders for HR's reminders page.
    team,
    certificates,
    quizzes,
    sessions,
    # After the webinar (sessions) and the certificate template: the programme
    # of the four modules and the webinar, assigned by rule, in every state.
    programmes,
    # After the enrolments (the programme enrols the demo learner in the modules):
    # reflections and tasks, with answers in every state, the demo learner's
    # sent back for revision (an e-mail and an in-app notification).
    assignments,
    # SCORM and cmi5 lessons in a module (demo/packages).
    packages,
    # Last: maps the modules and records evidence and growth for earlier steps'
    # completions and quiz attempts.
    competencies,
    # After every completion: the staff who finished a course evaluate it.
    evaluation,
    # After the team and the competency mapping: the supervisor's level-3 surveys.
    level3,
    # Course discussions (after the enrolments of the staff taking part).
    discussion,
    # After the certificates: sends the completions to the fake SIASN.
    siasn,
    # An example LTI platform registration and Sigap's tool key.
    lti,
]


class Command(BaseCommand):
    help = "Membuat konten demo: empat modul, struktur organisasi, dan akun demo."

    def handle(self, *args, **options):
        for step in SEED_STEPS:
            with transaction.atomic():
                step.seed()
            self.stdout.write(f"✓ {step.__name__}")
        # Saving a page or a question only queues its indexing for the task
        # worker, which has not run on a fresh install: without this the
        # catalogue search finds none of the demo courses.
        call_command("update_index", verbosity=0)
        self.stdout.write("✓ update_index")
        self.stdout.write(
            self.style.SUCCESS(
                "Konten demo siap. Kata sandi akun demo: sigap-demo-2026"
            )
        )
