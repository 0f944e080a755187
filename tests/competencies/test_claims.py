import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from lms.audit.models import AuditEvent
from lms.competencies.models import ExternalLearningClaim, JpEntry
from lms.competencies.permissions import can_review_claim
from lms.competencies.selectors import jp_summary
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    make_hr_officer,
    make_org_unit,
)

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def claim_data(**overrides):
    data = {
        "title": "Workshop Layanan Darurat",
        "organiser": "BPBD Provinsi",
        "jenis_diklat": "4",
        "start_date": "2026-03-02",
        "end_date": "2026-03-03",
        "jp": "8",
    }
    data.update(overrides)
    return data


def test_learner_submits_a_claim_with_a_pdf(learner_client, learner):
    response = learner_client.post(
        reverse("competencies:claim_create"),
        {**claim_data(), "evidence": SimpleUploadedFile("s.pdf", pdf_bytes())},
    )
    assert response.status_code == 302
    claim = ExternalLearningClaim.objects.get(user=learner)
    assert claim.is_pending and claim.jp == 8 and claim.jenis_diklat == 4
    assert len(claim.evidence_sha256) == 64
    assert claim.evidence.name.endswith(".pdf") and "s.pdf" not in claim.evidence.name
    assert jp_summary(user=learner, year=2026).total == 0  # not before approval


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kosong.pdf", b"", "kosong"),
        ("foto.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "bukan PDF"),
        ("palsu.pdf", b"%PDF-1.7\nini bukan pdf sungguhan", "tidak dapat dibaca"),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), "terlalu besar"),
    ],
)
def test_bad_evidence_is_refused_and_the_form_is_kept(
    learner_client, name, content, message
):
    response = learner_client.post(
        reverse("competencies:claim_create"),
        {**claim_data(), "evidence": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.text
    assert 'value="Workshop Layanan Darurat"' in response.text
    assert 'value="BPBD Provinsi"' in response.text
    assert 'value="2026-03-02"' in response.text
    assert not ExternalLearningClaim.objects.exists()


def test_claim_without_evidence_is_refused(learner_client):
    response = learner_client.post(reverse("competencies:claim_create"), claim_data())
    assert response.status_code == 400
    assert not ExternalLearningClaim.objects.exists()


def test_claim_ending_before_it_starts_is_refused(learner_client):
    response = learner_client.post(
        reverse("competencies:claim_create"),
        {
            **claim_data(end_date="2026-03-01"),
            "evidence": SimpleUploadedFile("s.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 400
    assert "sebelum tanggal mulai" in response.text


@pytest.fixture
def claim(learner):
    return ExternalLearningClaim.objects.create(
        user=learner,
        title="Seminar Pelayanan Publik",
        organiser="LAN",
        jenis_diklat=9,
        start_date=datetime.date(2026, 5, 4),
        end_date=datetime.date(2026, 5, 4),
        jp=6,
        evidence=SimpleUploadedFile("bukti.pdf", pdf_bytes()),
    )


def test_only_hr_in_scope_may_review_a_claim(claim, instansi, unit):
    other_instansi = make_org_unit("Pemerintah Kota Lain", code="KOTA-LAIN")
    sibling = make_org_unit("Dinas Sosial Uji", parent=instansi, code="DINSOS-UJI")
    in_scope_above = make_hr_officer(instansi)
    in_scope_same = make_hr_officer(unit)
    other_agency = make_hr_officer(other_instansi)
    sibling_unit = make_hr_officer(sibling)
    colleague = AsnProfileFactory(unit=unit).user
    admin = UserFactory(is_superuser=True)

    assert can_review_claim(in_scope_above, claim)
    assert can_review_claim(in_scope_same, claim)
    assert can_review_claim(admin, claim)
    assert not can_review_claim(other_agency, claim)
    assert not can_review_claim(sibling_unit, claim)
    assert not can_review_claim(colleague, claim)
    assert not can_review_claim(claim.user, claim)


def test_hr_out_of_scope_gets_404_and_changes_nothing(client, claim):
    outsider = make_hr_officer(make_org_unit("Pemkot Lain", code="PEMKOT-LAIN"))
    client.force_login(outsider)
    url = reverse("competencies:review", args=[claim.pk])
    assert client.get(url).status_code == 404
    response = client.post(url, {"decision": "approve", "reason": "ok"})
    assert response.status_code == 404
    claim.refresh_from_db()
    assert claim.is_pending
    assert not JpEntry.objects.exists()
    queue = client.get(reverse("competencies:review_queue"))
    assert claim.title not in queue.text


def test_approval_credits_jp_and_tells_the_learner(
    client, claim, unit, django_capture_on_commit_callbacks
):
    officer = make_hr_officer(unit)
    client.force_login(officer)
    assert claim.title in client.get(reverse("competencies:review_queue")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("competencies:review", args=[claim.pk]),
            {"decision": "approve", "reason": "Sertifikat sah."},
        )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ExternalLearningClaim.Status.APPROVED
    assert claim.reviewed_by == officer
    assert jp_summary(user=claim.user, year=2026).total == 6
    [email] = mail.outbox
    assert email.to == [claim.user.email]
    assert "disetujui" in email.subject and "Sertifikat sah." in email.body
    assert AuditEvent.objects.filter(action="jp_claim.approve").count() == 1


def test_rejection_needs_a_reason_and_credits_nothing(
    client, claim, unit, django_capture_on_commit_callbacks
):
    client.force_login(make_hr_officer(unit))
    url = reverse("competencies:review", args=[claim.pk])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.is_pending

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Bukti tidak terbaca."})
    claim.refresh_from_db()
    assert claim.status == ExternalLearningClaim.Status.REJECTED
    assert not JpEntry.objects.exists()
    [email] = mail.outbox
    assert "ditolak" in email.subject and "Bukti tidak terbaca." in email.body


def test_second_decision_changes_nothing(
    client, claim, unit, django_capture_on_commit_callbacks
):
    client.force_login(make_hr_officer(unit))
    url = reverse("competencies:review", args=[claim.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "approve", "reason": "Sah."})
        client.post(url, {"decision": "reject", "reason": "Berubah pikiran."})
    claim.refresh_from_db()
    assert claim.status == ExternalLearningClaim.Status.APPROVED
    assert JpEntry.objects.filter(claim=claim).count() == 1
    assert len(mail.outbox) == 1


def test_learner_cannot_review_and_claim_evidence_is_private(
    learner_client, client, claim
):
    assert (
        learner_client.get(reverse("competencies:review", args=[claim.pk])).status_code
        == 404
    )
    evidence_url = reverse("competencies:claim_evidence", args=[claim.pk])
    response = learner_client.get(evidence_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    client.force_login(UserFactory())
    assert client.get(evidence_url).status_code == 404


def test_claim_review_lives_in_the_hr_staff_area(claim, unit, client):
    from lms.accounts.models import HrOfficer

    assert reverse("competencies:review_queue").startswith("/hr/")
    assert reverse("competencies:review", args=[claim.pk]).startswith("/hr/")
    officer = UserFactory(roles=["HR"], is_staff=True, mfa=False)
    HrOfficer.objects.create(user=officer, unit=unit)
    client.force_login(officer)
    response = client.get(reverse("competencies:review", args=[claim.pk]))
    assert response.status_code == 302  # sent to set up MFA first
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_reviewer_opens_the_evidence_from_the_review_page(client, claim, unit):
    client.force_login(make_hr_officer(unit))
    page = client.get(reverse("competencies:review", args=[claim.pk]))
    url = reverse("competencies:review_evidence", args=[claim.pk])
    assert url in page.text
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
