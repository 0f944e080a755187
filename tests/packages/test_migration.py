"""Upgrading: a learner's runtime record of a package lesson made before Sigap
played several SCOs/AUs (one record per lesson) becomes the record of that
package's one unit, so their resume point, statuses and cmi5 token survive."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses.packages.models import PackageAttempt, UnitAttempt
from courses.packages.services import attempt_for
from tests.factories import UserFactory

from .conftest import add_package_lesson, demo_zip

BEFORE = [("packages", "0001_initial")]
AFTER = [("packages", "0002_multiple_units")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_one_record_per_lesson_becomes_the_first_units_record(course):
    scorm = add_package_lesson(
        course, demo_zip("scorm12-hambatan-pelayanan"), slug="scorm"
    )
    cmi5 = add_package_lesson(
        course, demo_zip("cmi5-kesinambungan-layanan"), slug="cmi5"
    )
    learner = UserFactory()
    scorm_attempt = attempt_for(page=scorm, user=learner)
    cmi5_attempt = attempt_for(page=cmi5, user=learner)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldAttempt = old.get_model("packages", "PackageAttempt")
    OldAttempt.objects.filter(pk=scorm_attempt.pk).update(
        cmi={"cmi.core.lesson_location": "3"},
        location="3",
        suspend_data='{"s1":"b"}',
        completion_status="incomplete",
        commits=4,
    )
    OldAttempt.objects.filter(pk=cmi5_attempt.pk).update(
        token="a" * 64, session_id="sesi-lama", success_status="passed"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    scorm_record = UnitAttempt.objects.get(attempt_id=scorm_attempt.pk)
    assert scorm_record.unit == "sco"
    assert scorm_record.location == "3"
    assert scorm_record.suspend_data == '{"s1":"b"}'
    assert scorm_record.commits == 4
    cmi5_record = UnitAttempt.objects.get(attempt_id=cmi5_attempt.pk)
    assert cmi5_record.unit == cmi5.package.activity_id
    assert cmi5_record.token == "a" * 64
    assert cmi5_record.session_id == "sesi-lama"
    attempt = PackageAttempt.objects.select_related("package").get(pk=scorm_attempt.pk)
    assert attempt.current_unit == "sco"
    # The package kept no table of contents then: its one unit is the record's.
    assert attempt.package.units == []
    assert [unit.identifier for unit in attempt.package.launchable_units()] == ["sco"]
