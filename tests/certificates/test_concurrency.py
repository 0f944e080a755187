"""Issuing under concurrency on PostgreSQL: no duplicate certificate, no number gaps."""

import threading

import pytest
from django.db import connection

from certificates import pdf
from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate
from tests.factories import AsnProfileFactory, complete_enrolment_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _quick_render(monkeypatch):
    """The PDF itself is not under test here; locking and numbering are."""
    monkeypatch.setattr(
        pdf, "render_certificate_pdf", lambda certificate, **kw: b"%PDF-1.7 uji"
    )
    CertificateTemplate.objects.default()


def _run_together(targets) -> list:
    barrier = threading.Barrier(len(targets))
    results: list = [None] * len(targets)

    def work(index, target):
        try:
            barrier.wait()
            results[index] = target()
        except Exception as error:  # noqa: BLE001 - reported by the assert below
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(i, target))
        for i, target in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_concurrent_issues_get_consecutive_numbers_without_gaps(unit, course):
    enrolments = [
        complete_enrolment_for(AsnProfileFactory(unit=unit).user, course)
        for _ in range(16)
    ]
    results = _run_together(
        [lambda e=e: issue_certificate(enrolment=e).seq for e in enrolments]
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(results) == list(range(1, 17))
    numbers = list(Certificate.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 16


def test_completion_reached_twice_at_once_gives_one_certificate(completed):
    results = _run_together(
        [lambda: issue_certificate(enrolment=completed).pk for _ in range(6)]
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(set(results)) == 1
    assert Certificate.objects.filter(enrolment=completed).count() == 1
    assert Certificate.objects.get().seq == 1
