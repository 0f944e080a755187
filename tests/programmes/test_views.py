"""HR screens: authoring within scope, the rule preview, the compliance report."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.programmes.models import AssignmentRule, Programme, ProgrammeAssignment
from lms.programmes.services import evaluate_rules
from tests.factories import AsnProfileFactory, complete_enrolment_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_hr_creates_a_programme_of_courses_with_its_jp(officer_client, unit, courses):
    response = officer_client.post(
        reverse("programmes:create"),
        {
            "title": "Program Baru",
            "code": "baru",
            "owner_unit": unit.pk,
            "electives_required": 1,
            "renewal_lead_days": 60,
            "required_courses": [courses[0].pk, courses[1].pk],
            "elective_courses": [courses[2].pk],
        },
    )

    programme = Programme.objects.get(code="baru")
    assert response.status_code == 302
    assert programme.jp == 12
    assert list(programme.items.values_list("course_id", "required")) == [
        (courses[0].pk, True),
        (courses[1].pk, True),
        (courses[2].pk, False),
    ]


def test_hr_cannot_own_a_programme_by_a_unit_outside_scope(
    officer_client, other_instansi, courses
):
    response = officer_client.post(
        reverse("programmes:create"),
        {
            "title": "Program Luar",
            "code": "luar",
            "owner_unit": other_instansi.pk,
            "electives_required": 0,
            "renewal_lead_days": 60,
            "required_courses": [courses[0].pk],
        },
    )

    assert response.status_code == 400
    assert not Programme.objects.filter(code="luar").exists()


def test_hr_of_another_unit_cannot_edit_or_add_rules(
    client, sibling_officer, programme
):
    client.force_login(sibling_officer)

    assert (
        client.get(reverse("programmes:edit", args=[programme.pk])).status_code == 403
    )
    response = client.post(
        reverse("programmes:rule_add", args=[programme.pk]), {"save": "1"}
    )
    assert response.status_code == 403


def test_a_rule_on_a_unit_outside_scope_is_refused(
    officer_client, programme, sibling_unit, staff
):
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": sibling_unit.pk, "save": "1"},
    )

    assert response.status_code == 400
    assert not programme.rules.exists()
    assert not ProgrammeAssignment.objects.exists()


def test_the_preview_shows_who_the_rule_would_assign_and_saves_nothing(
    officer_client, programme, unit, staff
):
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": unit.pk, "position_type": "fungsional", "preview": "1"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["preview"].new == 2
    assert "Rina Perawat" in page and "Sari PPPK" in page
    assert "Budi Kasi" not in page
    assert not programme.rules.exists()
    assert not ProgrammeAssignment.objects.exists()


def test_saving_a_rule_assigns_its_people_at_once(
    officer_client, programme, unit, staff
):
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": unit.pk, "position_type": "fungsional", "save": "1"},
    )

    assert response.status_code == 302
    assert set(
        ProgrammeAssignment.objects.values_list(
            "user__asn_profile__full_name", flat=True
        )
    ) == {"Rina Perawat", "Sari PPPK"}


def test_assigning_by_hand_takes_only_nips_in_scope(officer_client, programme, staff):
    inside = staff["kasi"].asn_profile.nip
    outside = staff["dinsos"].asn_profile.nip

    officer_client.post(
        reverse("programmes:assign", args=[programme.pk]),
        {"nips": f"{inside}\n{outside}"},
    )

    assert list(ProgrammeAssignment.objects.values_list("user", flat=True)) == [
        staff["kasi"].pk
    ]
    assert ProgrammeAssignment.objects.get().source == "hand"


@pytest.fixture
def in_every_state(programme, instansi, unit, sub_unit, sibling_unit, courses, staff):
    """Dinkes: one complete, one in progress, one overdue; Puskesmas: one
    assigned; Dinsos (another officer's scope): one assigned."""
    AssignmentRule.objects.create(programme=programme, unit=instansi)
    evaluate_rules()
    for course in courses:
        complete_enrolment_for(staff["kasi"], course)
    complete_enrolment_for(staff["pppk"], courses[0])
    late = AsnProfileFactory(unit=unit, full_name="Tono Terlambat").user
    evaluate_rules()
    ProgrammeAssignment.objects.filter(user=late).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )


def test_the_report_counts_each_state_per_unit_within_scope(
    officer_client, programme, in_every_state
):
    response = officer_client.get(reverse("programmes:report", args=[programme.pk]))

    rows = {
        row.unit_name: (row.assigned, row.in_progress, row.complete, row.overdue)
        for row in response.context["rows"]
    }
    assert rows == {
        "Dinas Kesehatan Uji": (0, 1, 1, 1),
        "Puskesmas Uji": (1, 0, 0, 0),
    }


def test_the_drill_down_lists_the_people_of_one_state(
    officer_client, programme, unit, in_every_state
):
    response = officer_client.get(
        reverse("programmes:report_people", args=[programme.pk]),
        {"unit": unit.pk, "state": "overdue"},
    )

    names = [a.user.asn_profile.full_name for a in response.context["page"].object_list]
    assert names == ["Tono Terlambat"]


def test_the_drill_down_refuses_a_unit_outside_scope(
    officer_client, programme, sibling_unit, in_every_state
):
    response = officer_client.get(
        reverse("programmes:report_people", args=[programme.pk]),
        {"unit": sibling_unit.pk},
    )

    assert response.status_code == 404


def test_the_csv_has_the_people_of_the_officer_s_scope_only(
    officer_client, programme, in_every_state
):
    response = officer_client.get(reverse("programmes:report_csv", args=[programme.pk]))

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = sorted(row[0] for row in rows[1:])
    assert len(names) == 4
    assert not any("Andi Dinsos" in name for name in names)
    assert any("Budi Kasi" in name for name in names)


def test_the_xlsx_download_is_a_workbook(officer_client, programme, in_every_state):
    response = officer_client.get(
        reverse("programmes:report_xlsx", args=[programme.pk])
    )

    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_the_sibling_officer_sees_only_their_unit(
    client, sibling_officer, programme, in_every_state
):
    client.force_login(sibling_officer)
    response = client.get(reverse("programmes:report", args=[programme.pk]))

    assert [(r.unit_name, r.assigned) for r in response.context["rows"]] == [
        ("Dinas Sosial Uji", 1)
    ]


def test_report_pages_take_as_many_queries_for_many_people_as_for_few(
    officer_client, programme, unit, in_every_state
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = [
        reverse("programmes:report", args=[programme.pk]),
        reverse("programmes:report_people", args=[programme.pk]),
    ]

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                officer_client.get(url)
            found.append(len(queries))
        return found

    counts()  # the first request of a session warms caches (session, roles)
    few = counts()
    for index in range(6):
        AsnProfileFactory(unit=unit, full_name=f"Pegawai Tambahan {index}")
    evaluate_rules()

    assert counts() == few
