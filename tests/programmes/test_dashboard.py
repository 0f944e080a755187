"""The learner's dashboard shows the programmes assigned to them: each course,
done or not, and the due date (a section lms.programmes adds to Kursus saya)."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.services import complete_enrolment
from lms.programmes.services import assign_by_hand

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def test_kursus_saya_lists_the_programme_with_its_courses(
    programme, officer, staff, courses
):
    kasi = staff["kasi"]
    assign_by_hand(programme=programme, officer=officer, nips=[kasi.asn_profile.nip])
    complete_enrolment(enrolment=kasi.enrolments.get(course=courses[0]))
    client = Client()
    client.force_login(kasi)
    page = client.get(reverse("courses:my_courses")).content.decode()
    section = page[page.index("Program saya") : page.index("Semua kursus saya")]
    assert "Pelayanan Publik Tangguh Krisis" in section
    assert "1 dari 3 kursus selesai" in section
    for course in courses:
        assert course.title in section
    assert "batas" in section
    # Someone with no programme sees no such section.
    other = Client()
    other.force_login(staff["dinsos"])
    assert (
        "Program saya" not in other.get(reverse("courses:my_courses")).content.decode()
    )
