"""Trainers import questions in bulk (Aiken, GIFT, XLSX) into their own course's
bank, after a dry run; the same file twice changes nothing; a bank exports to the
same formats and imports back as the same questions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from courses.quizzes import question_import as service
from courses.quizzes.models import Question, QuestionImport
from courses.quizzes.question_formats import (
    ALL_FIELDS,
    QuestionFileError,
    aiken,
    gift,
    question_data,
    xlsx,
)
from lms.audit.models import AuditEvent
from tests.factories import client_as, make_course, make_question
from tests.security.world import PENGAJAR, build_world

pytestmark = pytest.mark.django_db

ALL_TYPES = ["single", "multiple", "true_false", "short", "ordering", "matching"]
FORMAT_TYPES = {
    "aiken": ["single"],
    "gift": ["single", "multiple", "true_false", "short", "matching"],
    "xlsx": ALL_TYPES,
}
BANK = "/cms/bank-soal/"


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def trainer(world):
    return world.users[PENGAJAR]


@pytest.fixture
def own_course(world, trainer):
    return world.course_a


@pytest.fixture
def second_course(world, trainer):
    return make_course(world.course_a.get_parent(), trainer=trainer, lessons=0)


def _rich_question(course, kind):
    """A question of ``kind`` with every field set, so a round trip shows loss."""
    question = make_question(
        course,
        kind,
        text=f"Soal {kind}: langkah {{penting}} = 100% aman? #1",
        points=3,
        explanation="Pembahasan: lihat modul 2.",
        difficulty="sulit",
        competency="M.8",
        scoring="partial" if kind in ("multiple", "ordering", "matching") else "all",
    )
    question.tags.add("banjir", "evakuasi")
    question.save()
    return question


def _bank(course) -> list:
    return [question_data(q) for q in service.bank_questions(course)]


def _import(course, trainer, data: bytes, format: str):
    rows = service.parse_file(data=data, format=format)
    return service.import_questions(course=course, rows=rows, user=trainer)


# --- round trips: each format × each type it holds ------------------------------


@pytest.mark.parametrize(
    ("format", "kind"),
    [(format, kind) for format, kinds in FORMAT_TYPES.items() for kind in kinds],
)
def test_export_then_import_gives_the_same_question(
    format, kind, own_course, second_course, trainer
):
    _rich_question(own_course, kind)
    content, written, left_out = service.export_bank(course=own_course, format=format)
    assert (written, left_out) == (1, 0)

    outcome = _import(second_course, trainer, content, format)

    assert outcome.applied and outcome.created == 1
    module = {"aiken": aiken, "gift": gift, "xlsx": xlsx}[format]
    carried = module.parse(content)[0].question.given
    [original], [copy] = _bank(own_course), _bank(second_course)
    assert copy.comparable(carried) == original.comparable(carried)
    if format != "aiken":  # Aiken holds only text, options and key
        assert copy.comparable(ALL_FIELDS) == original.comparable(ALL_FIELDS)


@pytest.mark.parametrize("format", ["aiken", "gift", "xlsx"])
def test_export_leaves_out_only_the_types_the_format_cannot_hold(format, own_course):
    for kind in ALL_TYPES:
        make_question(own_course, kind)
    content, written, left_out = service.export_bank(course=own_course, format=format)
    assert written == len(FORMAT_TYPES[format])
    assert left_out == 6 - written
    kinds = sorted(
        row.question.type for row in service.parse_file(data=content, format=format)
    )
    assert kinds == sorted(FORMAT_TYPES[format])


@pytest.mark.parametrize("format", ["aiken", "gift", "xlsx"])
def test_importing_the_same_file_twice_changes_nothing(
    format, own_course, second_course, trainer
):
    for kind in FORMAT_TYPES[format]:
        _rich_question(own_course, kind)
    content, _written, _left = service.export_bank(course=own_course, format=format)

    first = _import(second_course, trainer, content, format)
    before = list(
        Question.objects.filter(course=second_course).values("pk", "updated_at")
    )
    second = _import(second_course, trainer, content, format)

    assert first.created == len(FORMAT_TYPES[format])
    assert (second.created, second.unchanged) == (0, len(FORMAT_TYPES[format]))
    after = list(
        Question.objects.filter(course=second_course).values("pk", "updated_at")
    )
    assert after == before


def test_exported_xlsx_back_into_its_own_course_matches_by_id(own_course, trainer):
    question = _rich_question(own_course, "single")
    content, _written, _left = service.export_bank(course=own_course, format="xlsx")
    checks = service.check_rows(
        course=own_course, rows=service.parse_file(data=content, format="xlsx")
    )
    assert [(c.action, c.existing_id) for c in checks] == [("unchanged", question.pk)]


# --- the formats as trainers write them ------------------------------------------

AIKEN = """\
Apa kepanjangan ASN?
A. Aparatur Sipil Negara
B) Aparatur Sistem Nasional
ANSWER: A

Siapa yang menetapkan status darurat bencana?
A. Kepala daerah
B. Camat
ANSWER: C
"""

GIFT = """\
// Bank soal kebencanaan
$CATEGORY: $course$/Bencana

::Q1:: Apa kepanjangan BPBD? {
  =Badan Penanggulangan Bencana Daerah
  ~Badan Pusat Bencana Daerah#Bukan.
}

// sigap: poin=2; penilaian=sebagian; tingkat=sulit; kompetensi=M.8; topik=banjir
Pilih tindakan yang benar saat banjir. {
  ~%50%Matikan listrik
  ~%50%Evakuasi ke tempat tinggi
  ~%-100%Berenang di arus deras
  ####Listrik dan arus deras adalah bahaya utama.
}

Satu JP sama dengan 45 menit. {T}

Singkatan Badan Nasional Penanggulangan Bencana adalah {=BNPB =B.N.P.B.}.

Jodohkan. {=BPBD -> daerah =BNPB -> nasional}

Tulis pendapat Anda. {}

Berapa 2+2? {#4}
"""


def test_aiken_rows_say_what_they_would_do_with_line_numbers(own_course):
    rows = aiken.parse(AIKEN.encode())
    checks = service.check_rows(course=own_course, rows=rows)
    assert [(c.line, c.action) for c in checks] == [(1, "create"), (6, "error")]
    assert "Kunci “C” bukan salah satu huruf pilihan (A, B)" in checks[1].errors[0]
    assert [c for _t, c, _m in rows[0].question.choices] == [True, False]


def test_gift_reads_every_type_it_holds_and_refuses_essay_and_numerical(own_course):
    rows = gift.parse(GIFT.encode())
    checks = service.check_rows(course=own_course, rows=rows)
    assert [(c.action, c.question and c.question.type) for c in checks] == [
        ("create", "single"),
        ("create", "multiple"),
        ("create", "true_false"),
        ("create", "short"),
        ("create", "matching"),
        ("error", None),
        ("error", None),
    ]
    multiple = rows[1].question
    assert (multiple.points, multiple.scoring, multiple.difficulty) == (
        2,
        "partial",
        "sulit",
    )
    assert multiple.tags == ["banjir"] and multiple.competency == "M.8"
    assert multiple.explanation == "Listrik dan arus deras adalah bahaya utama."
    assert (
        rows[3].question.text
        == "Singkatan Badan Nasional Penanggulangan Bencana adalah _____ ."
    )
    assert rows[3].question.accepted == ["BNPB", "B.N.P.B."]
    assert "esai" in checks[5].errors[0] and checks[5].line == 23
    assert "numerik" in checks[6].errors[0]


def _sheet(*rows, header=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        header
        or [
            "jenis",
            "soal",
            "pilihan A",
            "pilihan B",
            "pilihan C",
            "pasangan A",
            "pasangan B",
            "kunci",
            "poin",
            "tingkat",
        ]
    )
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            ["pilihan tunggal", "Ibu kota?", "Jakarta", "Bandung", "", "", "", "D"],
            "Kunci “D”",
        ),
        (
            ["pilihan tunggal", "Ibu kota?", "Jakarta", "Bandung", "", "", "", "A, B"],
            "hanya punya satu kunci",
        ),
        (
            ["pilihan jamak", "Warna?", "Merah", "", "Putih", "", "", "A"],
            "Pilihan B kosong",
        ),
        (
            ["benar/salah", "Bumi bulat.", "", "", "", "", "", "mungkin"],
            "“benar” atau “salah”",
        ),
        (
            ["jawaban singkat", "Singkatan?", "", "", "", "", "", ""],
            "minimal satu jawaban",
        ),
        (
            ["mengurutkan", "Urutkan.", "Satu", "Dua", "", "", "", ""],
            "minimal tiga butir",
        ),
        (
            ["menjodohkan", "Jodohkan.", "BPBD", "BNPB", "", "daerah", "", ""],
            "masing-masing lengkap",
        ),
        (["esai", "Tulis.", "", "", "", "", "", ""], "Jenis soal “esai” tidak dikenal"),
        (
            ["pilihan tunggal", "", "Ya", "Tidak", "", "", "", "A"],
            "Kolom “soal” kosong",
        ),
        (["pilihan tunggal", "Poin?", "Ya", "Tidak", "", "", "", "A", "0"], "Poin “0”"),
        (
            ["pilihan tunggal", "Sulit?", "Ya", "Tidak", "", "", "", "A", "1", "berat"],
            "Tingkat kesulitan “berat”",
        ),
    ],
)
def test_xlsx_bad_rows_are_refused_with_their_reason_and_row_number(
    row, reason, own_course, trainer
):
    good = ["pilihan tunggal", "Soal yang benar?", "Ya", "Tidak", "", "", "", "A"]
    content = _sheet(good, row)
    outcome = _import(own_course, trainer, content, "xlsx")
    assert not outcome.applied
    [error] = outcome.errors
    assert error.line == 3
    assert any(reason in message for message in error.errors), error.errors
    # All or nothing: the good row was not imported either.
    assert not Question.objects.filter(course=own_course).exists()


def test_xlsx_template_imports_one_question_of_each_type(own_course, trainer):
    outcome = _import(own_course, trainer, xlsx.template(), "xlsx")
    assert outcome.created == 6
    types = sorted(
        Question.objects.filter(course=own_course).values_list("type", flat=True)
    )
    assert types == sorted(ALL_TYPES)
    help_sheet = load_workbook(io.BytesIO(xlsx.template())).worksheets[1]
    assert "Petunjuk" in help_sheet["A1"].value


def test_duplicate_text_in_one_file_is_refused(own_course):
    data = AIKEN.split("\n\n")[0] + "\n\n" + AIKEN.split("\n\n")[0].upper() + "\n"
    checks = service.check_rows(course=own_course, rows=aiken.parse(data.encode()))
    assert checks[1].action == "error"
    assert "baris 1" in checks[1].errors[0]


def test_same_text_with_other_content_in_the_bank_is_refused_not_overwritten(
    own_course, trainer
):
    existing = make_question(
        own_course,
        "single",
        text="Apa kepanjangan ASN?",
        choices=[("Aparatur Sipil Negara", False), ("Aparatur Sistem Nasional", True)],
    )
    outcome = _import(own_course, trainer, AIKEN.split("\n\n")[0].encode(), "aiken")
    assert not outcome.applied
    assert f"(ID {existing.pk}) dengan isi berbeda" in outcome.errors[0].errors[0]
    existing.refresh_from_db()
    assert [c.is_correct for c in existing.choices.all()] == [False, True]


def test_imported_question_has_a_revision_and_the_import_is_audited(
    own_course, trainer
):
    outcome = _import(own_course, trainer, AIKEN.split("\n\n")[0].encode(), "aiken")
    question = Question.objects.get(course=own_course)
    assert outcome.created == 1
    assert question.revisions.filter(user=trainer).exists()
    event = AuditEvent.objects.get(action="quizzes.question_import")
    assert event.data["created"] == 1


# --- malformed files: a message, never a 500 ------------------------------------

MALFORMED = {
    "binary": ("soal.txt", b"\x00\x01\x02PNG\x00" * 50, "data biner"),
    "utf-16 without BOM": (
        "soal.txt",
        "Apa?\nA. x\nB. y\nANSWER: A".encode("utf-16-le"),
        "data biner",
    ),
    "not utf-8": (
        "soal.txt",
        "Soal \x81\x8d?\nA. x\nB. y\nANSWER: A".encode("latin-1"),
        "UTF-8",
    ),
    "empty": ("soal.txt", b"  \n\n", "Berkas kosong"),
    "fake xlsx": (
        "soal.xlsx",
        b"PK\x03\x04 not really a zip",
        "XLSX tidak dapat dibaca",
    ),
    "xlsx without header": ("soal.xlsx", None, "judul kolom"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=str)
def test_malformed_file_gets_a_clear_message_not_a_500(case, own_course, trainer):
    name, content, message = MALFORMED[case]
    if content is None:
        content = _sheet(["x", "y"], header=["a", "b"])
    client = client_as(trainer)
    response = client.post(
        f"{BANK}{own_course.pk}/impor/", {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuestionImport.objects.exists()


def test_huge_file_is_refused_before_it_is_read(own_course, trainer):
    content = b"Soal?\nA. x\nB. y\nANSWER: A\n\n" * 300_000  # about 8 MB
    response = client_as(trainer).post(
        f"{BANK}{own_course.pk}/impor/",
        {"file": SimpleUploadedFile("soal.txt", content)},
    )
    assert response.status_code == 400
    assert "lebih dari 5 MB" in response.content.decode()


def test_too_many_questions_is_a_file_error():
    content = b"".join(b"Soal %d?\nA. x\nB. y\nANSWER: A\n\n" % i for i in range(2001))
    with pytest.raises(QuestionFileError, match="lebih dari 2000 soal"):
        aiken.parse(content)


# --- the screens ----------------------------------------------------------------


def test_trainer_uploads_sees_the_dry_run_then_confirms(own_course, trainer):
    client = client_as(trainer)
    upload = SimpleUploadedFile("bencana.gift", GIFT.encode())
    response = client.post(f"{BANK}{own_course.pk}/impor/", {"file": upload})
    assert response.status_code == 302
    record = QuestionImport.objects.get()
    assert (record.format, record.course, record.created_by) == (
        "gift",
        own_course,
        trainer,
    )

    review = client.get(response["Location"])
    page = review.content.decode()
    assert review.status_code == 200
    assert "5 akan dibuat, 0 sudah ada, 2 bermasalah." in page
    assert "Soal esai ({}) tidak didukung Sigap." in page
    assert not Question.objects.filter(course=own_course).exists()

    # With errors the confirmation imports nothing.
    refused = client.post(response["Location"])
    assert refused.status_code == 400
    assert not Question.objects.filter(course=own_course).exists()


def test_confirmed_import_creates_the_questions_once(own_course, trainer):
    client = client_as(trainer)
    upload = SimpleUploadedFile("soal.txt", AIKEN.split("\n\n")[0].encode())
    review_url = client.post(f"{BANK}{own_course.pk}/impor/", {"file": upload})[
        "Location"
    ]
    assert "1 akan dibuat" in client.get(review_url).content.decode()

    assert client.post(review_url).status_code == 302
    assert client.post(review_url).status_code == 302  # a second click
    assert Question.objects.filter(course=own_course).count() == 1
    assert "0 akan dibuat, 1 sudah ada" in client.get(review_url).content.decode()


def test_another_trainers_course_is_refused(world, trainer):
    client = client_as(trainer)
    other = world.course_b
    upload = SimpleUploadedFile("soal.txt", AIKEN.encode())
    assert client.post(f"{BANK}{other.pk}/impor/", {"file": upload}).status_code == 404
    assert client.get(f"{BANK}{other.pk}/ekspor/?format=xlsx").status_code == 404
    assert client.get(f"{BANK}{other.pk}/pindahkan/").status_code == 404
    assert other.title not in client.get(BANK).content.decode()
    assert not QuestionImport.objects.exists()


def test_another_persons_upload_cannot_be_seen_or_confirmed(world, own_course, trainer):
    client = client_as(trainer)
    upload = SimpleUploadedFile("soal.txt", AIKEN.split("\n\n")[0].encode())
    review_url = client.post(f"{BANK}{own_course.pk}/impor/", {"file": upload})[
        "Location"
    ]
    other = client_as(world.trainer_b)
    assert other.get(review_url).status_code == 404
    assert other.post(review_url).status_code == 404
    assert not Question.objects.exists()


def test_confirm_needs_a_csrf_token(own_course, trainer):
    from django.test import Client

    record = service.start_import(
        course=own_course,
        user=trainer,
        uploaded=SimpleUploadedFile("soal.txt", AIKEN.split("\n\n")[0].encode()),
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    response = client.post(f"{BANK}impor/{record.pk}/")
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_export_downloads_and_template_download(own_course, trainer):
    make_question(own_course, "single", text="Apa kepanjangan ASN?")
    client = client_as(trainer)
    response = client.get(f"{BANK}{own_course.pk}/ekspor/?format=aiken")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"Apa kepanjangan ASN?\nA. Jakarta" in response.content
    template = client.get(f"{BANK}templat.xlsx")
    assert template.status_code == 200
    assert len(xlsx.parse(template.content)) == 6


def test_question_listing_has_an_import_button(trainer):
    response = client_as(trainer).get("/cms/snippets/quizzes/question/")
    assert "Impor / ekspor soal" in response.content.decode()


def test_an_upload_whose_file_is_gone_asks_for_it_again(own_course, trainer):
    record = service.start_import(
        course=own_course,
        user=trainer,
        uploaded=SimpleUploadedFile("soal.txt", AIKEN.split("\n\n")[0].encode()),
    )
    record.source.storage.delete(record.source.name)
    response = client_as(trainer).get(f"{BANK}impor/{record.pk}/", follow=True)
    assert response.status_code == 200
    assert "Unggah ulang berkasnya." in response.content.decode()


def test_course_list_reads_a_fixed_number_of_queries(world, trainer):
    client = client_as(trainer)
    client.get(BANK)  # warm the session and permission caches
    with CaptureQueriesContext(connection) as one_course:
        client.get(BANK)
    for _ in range(5):
        course = make_course(world.course_a.get_parent(), trainer=trainer, lessons=0)
        make_question(course, "single")
    with CaptureQueriesContext(connection) as six_courses:
        response = client.get(BANK)
    assert response.content.decode().count("Impor soal</a>") == 6
    assert len(six_courses) == len(one_course)


def test_a_parser_failing_on_a_hostile_file_is_a_message_not_a_500(
    own_course, trainer, monkeypatch
):
    def fails(data):
        raise RecursionError("crafted nesting")

    monkeypatch.setattr(gift, "parse", fails)
    upload = SimpleUploadedFile("soal.gift", b"Soal {=a ~b}")
    response = client_as(trainer).post(
        f"{BANK}{own_course.pk}/impor/", {"file": upload}
    )
    assert response.status_code == 400
    assert "tidak dapat dibaca sebagai soal" in response.content.decode()
