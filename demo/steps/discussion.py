"""Demo course discussion for ``seed_demo``: in *Berpikir Cepat dalam Krisis*
(BCP) and *Pelayanan Publik di Masa Krisis* (PPK), a pinned welcome from the
trainer, a learner's *Tanya pengajar* question on a lesson answered by the
trainer (marked as the answer), a thread of shared experience, and one post
hidden with its reason (a citizen's NIK) after a classmate reported it.

Demo staff already enrolled in the course ask and reply (enrolled here only when
fewer than four are); the demo learner account finds it all after enrolling.
Idempotent: a course that already has threads is left as it is.
"""

import datetime

from django.utils import timezone

from courses.models import CoursePage, Enrolment, LessonPage
from courses.services import enrol
from lms.accounts.models import User
from lms.discussion.models import Thread
from lms.discussion.services import (
    ask_about_lesson,
    hide_post,
    mark_answer,
    reply,
    report_post,
    set_pinned,
    start_thread,
)

TRAINER = "pengajar@sigap.test"
# Demo staff of Puskesmas Sukamaju Utara (lms.hr's demo step enrols them); the
# demo learner account (peserta@sigap.test) is left to enrol and join in.
LEARNERS = [
    "staf01@sigap.test",
    "staf02@sigap.test",
    "staf03@sigap.test",
    "staf04@sigap.test",
]

WELCOME = {
    "title": "Selamat datang — aturan diskusi kursus ini",
    "body": (
        "Bapak/Ibu peserta, selamat bergabung.\n\n"
        "Forum ini untuk bertanya tentang materi dan berbagi pengalaman dari "
        "unit kerja masing-masing. Mohon tidak menuliskan data pribadi warga "
        "(nama pasien, NIK, alamat).\n\n"
        "Pertanyaan tentang satu pelajaran paling mudah lewat tombol "
        "\u201cTanya pengajar\u201d di bawah pelajaran itu. Saya menjawab setiap "
        "Selasa dan Kamis sore.\n\n"
        "Rujukan kebijakan: https://www.menpan.go.id/site/reformasi-birokrasi"
    ),
}

QUESTION = {
    "BCP": (
        "Izin bertanya, Pak. Pada studi kasus banjir di pelajaran ini, kapan "
        "kepala puskesmas boleh memutuskan membuka pos kesehatan darurat tanpa "
        "menunggu surat dari dinas? Di tempat kami sering ragu karena takut "
        "disalahkan."
    ),
    "PPK": (
        "Pak, untuk layanan administrasi saat listrik padam, apakah formulir "
        "kertas yang kami isi boleh diinput belakangan? Bagaimana kalau warga "
        "meminta tanda terima?"
    ),
}
CLASSMATE_REPLY = {
    "BCP": (
        "Kami di Puskesmas Sukamaju Utara dulu memakai aturan \u201cdua jam\u201d: "
        "kalau arahan belum turun dalam dua jam, kepala puskesmas memutuskan dan "
        "mencatat alasannya."
    ),
    "PPK": (
        "Di kecamatan kami tanda terima ditulis tangan dan diberi cap, lalu "
        "nomornya dicatat di buku register."
    ),
}
ANSWER = {
    "BCP": (
        "Pertanyaan yang bagus. Prinsipnya: keselamatan warga didahulukan. "
        "Kalau keadaan memenuhi kriteria darurat di SOP (akses terputus, korban "
        "membutuhkan pertolongan), kepala puskesmas boleh memutuskan lebih dulu, "
        "lalu melaporkan ke dinas dengan alasan tertulis. Itulah \u201ckeputusan "
        "cukup baik\u201d dengan titik tinjau (pelajaran 4). Batas dua jam yang "
        "diceritakan rekan dari Sukamaju Utara adalah contoh titik tinjau yang baik."
    ),
    "PPK": (
        "Boleh, asalkan formulir kertas diberi nomor urut dan diinput paling "
        "lambat satu hari kerja setelah listrik menyala. Tanda terima manual sah "
        "bila memuat nomor, tanggal, paraf petugas, dan cap unit."
    ),
}
SHARING = {
    "title": "Berbagi pengalaman: posko layanan saat bencana",
    "body": (
        "Saya ingin berbagi pengalaman waktu banjir Februari lalu. Kami "
        "memindahkan loket ke balai desa dan memakai papan tulis untuk antrean. "
        "Yang paling membantu: satu petugas khusus menjawab pertanyaan warga "
        "supaya loket tidak macet. Bagaimana di tempat Bapak/Ibu?"
    ),
    "replies": [
        "Sama, Bu. Kami menambah grup WhatsApp RT untuk mengumumkan jam layanan.",
        "Kami belajar untuk menyiapkan genset sejak awal musim hujan.",
    ],
}
SPAM = (
    "Contoh kemarin: Ibu Ratna Sari, NIK 3201000000000001, RT 03 Desa Sukamaju, "
    "ditolak di loket karena KK-nya rusak terendam banjir."
)
SPAM_REASON = (
    "Memuat data pribadi warga (nama dan NIK). Silakan tulis ulang tanpa identitas."
)


def _participants(course: CoursePage) -> list[User]:
    """The demo staff enrolled in the course, then others enrolled; four in all."""
    people = [
        user
        for email in LEARNERS
        if (user := User.objects.filter(email=email).first()) is not None
        and Enrolment.objects.filter(user=user, course=course).exists()
    ]
    others = (
        User.objects.filter(enrolments__course=course, is_active=True)
        .exclude(pk__in=[p.pk for p in people])
        .exclude(email=TRAINER)
        .order_by("pk")
    )
    people += list(others[: max(0, 4 - len(people))])
    for email in LEARNERS:
        if len(people) >= 4:
            break
        user = User.objects.filter(email=email).first()
        if user is not None and user not in people:
            enrol(user=user, course=course)
            people.append(user)
    return people


def _seed_course(course: CoursePage, trainer: User, learners: list[User]) -> None:
    asker, classmate, sharer, spammer = (learners * 4)[:4]
    now = timezone.now()
    day = datetime.timedelta(days=1)
    welcome = start_thread(user=trainer, course=course, now=now - 9 * day, **WELCOME)
    set_pinned(user=trainer, thread=welcome, pinned=True)
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    if lesson is not None:
        question = ask_about_lesson(
            user=asker, lesson=lesson, body=QUESTION[course.code], now=now - 6 * day
        )
        reply(
            user=classmate,
            thread=question.thread,
            body=CLASSMATE_REPLY[course.code],
            now=now - 5 * day,
        )
        answer = reply(
            user=trainer,
            thread=question.thread,
            body=ANSWER[course.code],
            now=now - 4 * day,
        )
        mark_answer(user=trainer, post=answer, is_answer=True)
    sharing = start_thread(
        user=sharer,
        course=course,
        title=SHARING["title"],
        body=SHARING["body"],
        now=now - 3 * day,
    )
    for hours, (author, body) in enumerate(
        zip([asker, classmate], SHARING["replies"], strict=True), start=1
    ):
        reply(
            user=author,
            thread=sharing,
            body=body,
            now=now - 3 * day + datetime.timedelta(hours=hours),
        )
    spam = reply(user=spammer, thread=sharing, body=SPAM, now=now - 2 * day)
    report_post(user=sharer, post=spam, reason="Ada NIK warga di pesan ini.")
    hide_post(user=trainer, post=spam, reason=SPAM_REASON)


def seed() -> None:
    trainer = User.objects.filter(email=TRAINER).first()
    if trainer is None:
        return
    for code in ("BCP", "PPK"):
        course = CoursePage.objects.filter(code=code).first()
        if course is None or Thread.objects.filter(course=course).exists():
            continue
        learners = _participants(course)
        if len(learners) >= 2:
            _seed_course(course, trainer, learners)
