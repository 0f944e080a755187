"""A meeting provider's attendance report (Zoom, Google Meet, BigBlueButton or a
column map): matched by e-mail or NIP, checked row by row in a dry run, imported
whole or not at all, and importing it twice changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.services import enrol
from courses.sessions.models import Attendance, AttendanceImport, AttendanceInterval
from courses.sessions.report_import import column_map, parse_duration
from courses.sessions.services import (
    SessionRefused,
    apply_report,
    check_uploaded_report,
)
from tests.factories import AsnProfileFactory, UserFactory, client_as, make_org_unit

pytestmark = pytest.mark.django_db

ZOOM_HEADER = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
    "98765432100,Webinar,03/15/2027 08:55:00 AM,03/15/2027 10:35:00 AM,"
    "host@sigap.test,100,4\n"
    "\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
)


@pytest.fixture
def people(session, unit):
    """Two participants of the course, and a person of another instansi who is in
    Sigap but not in the course."""
    ani = AsnProfileFactory(unit=unit, user__email="ani@sigap.test").user
    budi = AsnProfileFactory(unit=unit, user__email="budi@sigap.test").user
    other_unit = make_org_unit("Pemkot Lain", code="PEMKOT-LAIN")
    stranger = AsnProfileFactory(unit=other_unit, user__email="cici@lain.test").user
    for person in (ani, budi):
        enrol(user=person, course=session.get_course())
    return ani, budi, stranger


def _check(session, trainer, text: str | bytes, provider="zoom", zone="Asia/Jakarta"):
    data = text.encode() if isinstance(text, str) else text
    return check_uploaded_report(
        session=session,
        user=trainer,
        data=data,
        file_name="laporan.csv",
        provider=provider,
        columns=column_map(provider=provider, manual={}),
        file_time_zone=zone,
    )


def _zoom(rows: list[str]) -> str:
    return ZOOM_HEADER + "\n".join(rows) + "\n"


GOOD_ZOOM = [
    "Ani,ani@sigap.test,03/15/2027 08:58:00 AM,03/15/2027 09:50:00 AM,52,No",
    # Ani rejoins: overlaps her first row by ten minutes.
    "Ani (HP),ani@sigap.test,03/15/2027 09:40:00 AM,03/15/2027 10:31:00 AM,51,No",
    "Budi,budi@sigap.test,03/15/2027 09:00:00 AM,03/15/2027 09:45:00 AM,45,No",
]


def test_a_zoom_report_is_matched_merged_and_imported(session, trainer, people):
    ani, budi, _ = people
    record, check = _check(session, trainer, _zoom(GOOD_ZOOM))
    assert (check.matched, check.unmatched, check.errors) == (3, 0, 0)
    assert not AttendanceInterval.objects.exists()  # a dry run writes no attendance
    assert "Tumpang tindih dengan baris 5; dihitung sekali." in check.rows[1].notes
    assert "Dihitung hanya bagian di dalam waktu sesi" in check.rows[0].notes[0]
    applied = apply_report(record=record, user=trainer, leave_out_unmatched=False)
    assert applied.added == 3 and applied.people == 2
    ani_attendance = Attendance.objects.get(session=session, user=ani)
    assert ani_attendance.minutes_present == 90 and ani_attendance.attended
    budi_attendance = Attendance.objects.get(session=session, user=budi)
    assert budi_attendance.minutes_present == 45 and not budi_attendance.attended


def test_importing_the_same_report_twice_changes_nothing(session, trainer, people):
    first, _ = _check(session, trainer, _zoom(GOOD_ZOOM))
    apply_report(record=first, user=trainer, leave_out_unmatched=False)
    before = list(
        Attendance.objects.order_by("user").values_list(
            "user", "minutes_present", "attended", "updated_at"
        )
    )
    second, _ = _check(session, trainer, _zoom(GOOD_ZOOM))
    applied = apply_report(record=second, user=trainer, leave_out_unmatched=False)
    assert applied.added == 0
    assert AttendanceInterval.objects.count() == 3
    after = list(
        Attendance.objects.order_by("user").values_list(
            "user", "minutes_present", "attended"
        )
    )
    assert after == [row[:3] for row in before]
    with pytest.raises(SessionRefused, match="sudah diimpor"):
        apply_report(record=second, user=trainer, leave_out_unmatched=False)


def test_unmatched_people_are_left_out_only_when_the_trainer_agrees(
    session, trainer, people
):
    rows = [
        *GOOD_ZOOM,
        "Tamu Undangan,,03/15/2027 09:00:00 AM,03/15/2027 10:30:00 AM,90,Yes",
        "Asing,asing@tidak.ada,03/15/2027 09:00:00 AM,03/15/2027 10:30:00 AM,90,No",
        "Cici,cici@lain.test,03/15/2027 09:00:00 AM,03/15/2027 10:30:00 AM,90,No",
    ]
    record, check = _check(session, trainer, _zoom(rows))
    reasons = [row.reasons[0] for row in check.rows if row.outcome == "unmatched"]
    assert reasons[0] == (
        "Baris ini tidak memuat email atau NIP; orangnya tidak dikenali."
    )
    assert reasons[1] == "Tidak ada pengguna Sigap dengan email atau NIP ini."
    assert "bukan peserta kursus ini" in reasons[2]
    with pytest.raises(SessionRefused, match="3 baris tidak cocok"):
        apply_report(record=record, user=trainer, leave_out_unmatched=False)
    assert not AttendanceInterval.objects.exists()
    applied = apply_report(record=record, user=trainer, leave_out_unmatched=True)
    assert applied.people == 2 and applied.left_out == 3
    assert not Attendance.objects.filter(user=people[2]).exists()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "Ani,ani@sigap.test,03/15/2027 10:00:00 AM,03/15/2027 09:00:00 AM,60,No",
            "Waktu keluar tidak sesudah waktu bergabung.",
        ),
        (
            "Ani,ani@sigap.test,03/16/2027 09:00:00 AM,03/16/2027 10:00:00 AM,60,No",
            "di luar waktu sesi",
        ),
        (
            "Ani,ani@sigap.test,kemarin,03/15/2027 10:00:00 AM,60,No",
            "Waktu bergabung “kemarin” tidak dapat dibaca.",
        ),
    ],
)
def test_a_report_with_a_bad_row_is_not_imported_at_all(
    session, trainer, people, row, reason
):
    record, check = _check(session, trainer, _zoom([GOOD_ZOOM[2], row]))
    assert check.errors == 1
    assert reason in check.rows[1].reasons[0]
    with pytest.raises(SessionRefused, match="1 baris bermasalah"):
        apply_report(record=record, user=trainer, leave_out_unmatched=True)
    assert not AttendanceInterval.objects.exists()
    assert not Attendance.objects.exists()


def test_a_utf16_zoom_export_and_a_cp1252_file_are_read(session, trainer, people):
    ani = people[0]
    ani.asn_profile.full_name = "José Ani"
    ani.asn_profile.save()
    _, utf16 = _check(session, trainer, _zoom(GOOD_ZOOM).encode("utf-16"))
    assert utf16.matched == 3
    cp1252 = _zoom(
        ["José,ani@sigap.test,03/15/2027 09:00:00 AM,03/15/2027 10:30:00 AM,90,No"]
    ).encode("cp1252")
    _, check = _check(session, trainer, cp1252)
    assert check.matched == 1 and check.rows[0].name == "José"


def test_the_time_zone_of_the_file_is_honoured(session, trainer, people):
    # The same session seen from Makassar: 10:00-11:30 WITA.
    rows = ["Budi,budi@sigap.test,03/15/2027 10:00:00 AM,03/15/2027 11:30:00 AM,90,No"]
    _, wrong = _check(session, trainer, _zoom(rows))
    assert wrong.matched == 0 or wrong.rows[0].notes  # read as WIB: half outside
    _, right = _check(session, trainer, _zoom(rows), zone="Asia/Makassar")
    assert right.matched == 1 and not right.rows[0].notes


def test_a_google_meet_report_matches_by_email(session, trainer, people):
    text = (
        "First name,Last name,Email,Duration,Time joined,Time exited\n"
        "Ani,Lestari,ani@sigap.test,1 hr 30 min,9:00 AM,10:30 AM\n"
        "Budi,Santoso,budi@sigap.test,45 min,9:00 AM,\n"
    )
    record, check = _check(session, trainer, text, provider="meet")
    assert check.matched == 2, [row.reasons for row in check.rows]
    assert check.rows[0].name == "Ani Lestari"
    apply_report(record=record, user=trainer, leave_out_unmatched=False)
    minutes = dict(Attendance.objects.values_list("user", "minutes_present"))
    assert minutes == {people[0].pk: 90, people[1].pk: 45}


def test_a_bigbluebutton_report_matches_a_nip_in_the_name(session, trainer, people):
    budi = people[1]
    text = (
        "Name,Moderator,Activity Score,Talk Time,Join,Left,Duration\n"
        f"Budi ({budi.asn_profile.nip}),false,3,00:01:00,"
        "2027-03-15 09:00:00,2027-03-15 10:20:00,01:20:00\n"
    )
    _, check = _check(session, trainer, text, provider="bbb")
    assert check.matched == 1 and check.rows[0].user_id == budi.pk


def test_a_manual_column_map_reads_any_csv(session, trainer, people):
    text = "nip;masuk;durasi\n" + f"{people[0].asn_profile.nip};09:00;90\n"
    record, check = check_uploaded_report(
        session=session,
        user=trainer,
        data=text.encode(),
        file_name="hadir.csv",
        provider="manual",
        columns=column_map(
            provider="manual",
            manual={"person": "NIP", "join": "Masuk", "duration": "durasi"},
        ),
        file_time_zone="Asia/Jakarta",
    )
    assert check.matched == 1
    assert check.intervals[0][2] - check.intervals[0][1] == (
        session.ends_at - session.starts_at
    )


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("55", 55), ("1:05:00", 65), ("55:30", 55.5), ("1 hr 5 min", 65), ("2 jam", 120)],
)
def test_durations_in_the_providers_formats(text, minutes):
    assert parse_duration(text).total_seconds() == minutes * 60


def test_the_upload_screen_checks_then_imports(session, trainer, people):
    client = client_as(trainer)
    url = reverse("livesessions:import", args=[session.pk])
    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("zoom.csv", _zoom(GOOD_ZOOM).encode()),
            "provider": "zoom",
            "file_time_zone": "Asia/Jakarta",
        },
    )
    record = AttendanceImport.objects.get()
    assert response["Location"] == reverse(
        "livesessions:import_check", args=[session.pk, record.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "3 baris cocok (2 orang)" in page
    client.post(response["Location"])
    assert Attendance.objects.filter(attended=True).count() == 1


def test_an_unreadable_file_is_refused_with_a_reason(session, trainer):
    client = client_as(trainer)
    response = client.post(
        reverse("livesessions:import", args=[session.pk]),
        {
            "file": SimpleUploadedFile("zoom.csv", b"\x00\x01\x02binary"),
            "provider": "zoom",
            "file_time_zone": "Asia/Jakarta",
        },
    )
    assert response.status_code == 200
    assert "bukan CSV teks" in response.content.decode()
    assert not AttendanceImport.objects.exists()
    other = UserFactory(roles=["Pengajar"])
    assert (
        client_as(other)
        .get(reverse("livesessions:import", args=[session.pk]))
        .status_code
        == 404
    )


def test_an_old_report_is_removed_but_the_attendance_it_recorded_stays(
    session, trainer, people
):
    import datetime

    import time_machine

    from lms.accounts.retention import apply_retention

    record, _ = _check(session, trainer, _zoom(GOOD_ZOOM))
    apply_report(record=record, user=trainer, leave_out_unmatched=False)
    later = record.created_at + datetime.timedelta(days=91)
    with time_machine.travel(later, tick=False):
        removed = apply_retention()
    assert removed["livesessions.attendanceimport"] == 1
    assert not AttendanceImport.objects.exists()
    assert AttendanceInterval.objects.count() == 3
    assert Attendance.objects.filter(attended=True).count() == 1
