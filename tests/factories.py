"""factory_boy factories shared by every test."""

import datetime

import factory
from django.contrib.auth.models import Group
from wagtail.models import Page

from courses.models import CatalogPage, CoursePage, HomePage, LessonPage, Topic
from lms.accounts.models import AsnProfile, Jabatan, OrgUnit, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"asn{n}@sigap.test")
    name = factory.Faker("name", locale="id_ID")
    password = factory.django.Password("rahasia-uji-123")
    privacy_notice_shown_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """Staff must have MFA to reach /cms/ and /hr/; factories give them an
        authenticator unless ``mfa=False`` (tests of the MFA requirement)."""
        from lms.accounts.permissions import is_staff_role

        wanted = extracted if extracted is not None else None
        if not create or wanted is False:
            return
        if wanted or self.is_staff or is_staff_role(self):
            from allauth.mfa.models import Authenticator

            Authenticator.objects.get_or_create(
                user=self,
                type=Authenticator.Type.TOTP,
                defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}},
            )
        self.__dict__.pop("_sigap_roles", None)


def make_org_unit(
    name: str, parent: OrgUnit | None = None, code: str | None = None
) -> OrgUnit:
    code = code or name.upper().replace(" ", "-")[:40]
    if parent is None:
        return OrgUnit.add_root(name=name, code=code, kind=OrgUnit.Kind.INSTANSI_DAERAH)
    return parent.add_child(name=name, code=code, kind=OrgUnit.Kind.UNIT)


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan
        django_get_or_create = ("name",)

    name = "Pengadministrasi Layanan"
    category = Jabatan.Category.PELAKSANA


_nip_sequence = iter(range(1, 10**6))


def make_nip(birth: str = "19900315", tmt: str = "201503", gender: str = "2") -> str:
    """A valid PNS NIP with a fresh sequence number."""
    return f"{birth}{tmt}{gender}{next(_nip_sequence) % 999 + 1:03d}"


def unused_nip(birth: str = "19900315", tmt: str = "201503", gender: str = "2") -> str:
    """A valid NIP that no profile in the database has: for the browser tests'
    shells, each a new process (``make_nip``'s sequence starts again) writing to
    one shared live database."""
    prefix = f"{birth}{tmt}{gender}"
    taken = set(
        AsnProfile.objects.filter(nip__startswith=prefix).values_list("nip", flat=True)
    )
    for number in range(1, 1000):
        if (nip := f"{prefix}{number:03d}") not in taken:
            return nip
    raise RuntimeError(f"every NIP starting {prefix} is taken")


class AsnProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AsnProfile

    user = factory.SubFactory(UserFactory)
    full_name = factory.LazyAttribute(lambda o: o.user.name)
    nip = factory.LazyFunction(make_nip)
    employee_type = "PNS"
    birth_place = "Palembang"
    birth_date = datetime.date(1990, 3, 15)
    unit = None
    instansi = factory.LazyAttribute(lambda o: o.unit.instansi if o.unit else None)
    jabatan = factory.SubFactory(JabatanFactory)
    golongan = "III/a"
    completed_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
    )


def make_site_tree() -> CatalogPage:
    """Home → catalogue, attached to the default site."""
    from wagtail.models import Site

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Sigap", slug="sigap-home"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home.add_child(instance=CatalogPage(title="Katalog", slug="katalog"))


_course_sequence = iter(range(1, 10**6))


def make_course(
    catalog: CatalogPage,
    *,
    lessons: int = 3,
    trainer: User | None = None,
    title: str | None = None,
    jp: int = 4,
    topic: Topic | None = None,
) -> CoursePage:
    n = next(_course_sequence)
    course = catalog.add_child(
        instance=CoursePage(
            title=title or f"Kursus {n}",
            slug=f"kursus-{n}",
            code=f"K{n}",
            summary="Ringkasan kursus.",
            jp=jp,
            trainer=trainer,
            topic=topic,
        )
    )
    for i in range(lessons):
        add_lesson(course, i + 1)
    return course


def add_lesson(course: CoursePage, number: int) -> LessonPage:
    return course.add_child(
        instance=LessonPage(
            title=f"Pelajaran {number}",
            slug=f"pelajaran-{number}",
            intro="Pengantar.",
            body=[{"type": "paragraph", "value": f"<p>Isi pelajaran {number}.</p>"}],
        )
    )


def map_competency(course: CoursePage, code: str, target_level: int):
    """Declare that ``course`` builds competency ``code`` up to ``target_level``."""
    from lms.competencies.models import Competency, CourseCompetency

    return CourseCompetency.objects.create(
        course=course,
        competency=Competency.objects.get(code=code),
        target_level=target_level,
    )


def make_hr_officer(unit: OrgUnit, **kwargs) -> User:
    """An HR-role user attached to ``unit`` (sees its subtree only)."""
    from lms.accounts.models import HrOfficer

    user = UserFactory(roles=["HR"], **kwargs)
    HrOfficer.objects.create(user=user, unit=unit)
    return user


def complete_enrolment_for(user: User, course: CoursePage):
    """An enrolment marked complete through the real service (no certificate yet:
    the certificate is queued on commit, which tests run explicitly)."""
    from courses.services import complete_enrolment, enrol

    enrolment, _created = enrol(user=user, course=course)
    return complete_enrolment(enrolment=enrolment)


# --- quizzes ---------------------------------------------------------------------

QUESTION_SHAPES = {
    "single": {
        "choices": [("Jakarta", True), ("Bandung", False), ("Medan", False)],
    },
    "multiple": {
        "choices": [
            ("Merah", True),
            ("Putih", True),
            ("Hijau", False),
            ("Biru", False),
        ],
    },
    "true_false": {"is_true": False},
    "short": {"accepted_answers": "Pelayanan Publik\nlayanan publik"},
    "ordering": {"choices": [("Satu", False), ("Dua", False), ("Tiga", False)]},
    "matching": {
        "pairs": [
            ("M.8", "Pengambilan Keputusan"),
            ("M.2", "Kerjasama"),
            ("M.5", "Pelayanan Publik"),
        ]
    },
}


def make_question(course=None, type: str = "single", **fields):
    """A question of ``type`` with sensible choices (override any field)."""
    from courses.quizzes.models import Question, QuestionChoice

    shape = {**QUESTION_SHAPES[type], **fields}
    choices = shape.pop("choices", [])
    pairs = shape.pop("pairs", [])
    question = Question.objects.create(
        course=course, type=type, text=shape.pop("text", f"Soal {type}?"), **shape
    )
    for order, (text, correct) in enumerate(choices):
        QuestionChoice.objects.create(
            question=question, text=text, is_correct=correct, sort_order=order
        )
    for order, (left, right) in enumerate(pairs):
        QuestionChoice.objects.create(
            question=question, text=left, match_text=right, sort_order=order
        )
    question.save_revision()
    return question


def make_quiz(course, questions=(), *, draws=(), **fields):
    """A live quiz page under ``course`` with fixed ``questions`` and ``draws``."""
    from courses.quizzes.models import QuizPage

    n = next(_course_sequence)
    items = [("question", q) for q in questions] + [("draw", d) for d in draws]
    fields.setdefault("shuffle_questions", False)
    fields.setdefault("shuffle_choices", False)
    return course.add_child(
        instance=QuizPage(
            title=fields.pop("title", f"Kuis {n}"),
            slug=fields.pop("slug", f"kuis-{n}"),
            items=items,
            **fields,
        )
    )


def client_as(user):
    """A test client signed in as ``user``."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def make_claim_with_evidence(user: User, content: bytes = b"%PDF-1.4 bukti"):
    """An external learning claim (a seminar, 2 JP) with an uploaded PDF as evidence."""
    from django.core.files.base import ContentFile

    from lms.competencies.models import ExternalLearningClaim

    claim = ExternalLearningClaim(
        user=user,
        title="Seminar",
        organiser="LAN",
        jenis_diklat=9,
        start_date="2026-01-05",
        end_date="2026-01-05",
        jp=2,
    )
    claim.evidence.save("bukti.pdf", ContentFile(content), save=False)
    claim.save()
    return claim


def upload_document(editor_client, content: bytes = b"%PDF-1.7 materi"):
    """A PDF uploaded through the Wagtail admin's document form; the Document."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents.models import Document

    editor_client.post(
        "/cms/documents/add/",
        {
            "title": "Materi",
            "file": SimpleUploadedFile("materi.pdf", content),
            "collection": 1,
        },
    )
    return Document.objects.get()


# --- live sessions ---------------------------------------------------------------

MEETING_URL = "https://zoom.example/j/98765432100?pwd=rahasia"


def make_session(course, *, starts_at, minutes: int = 90, **fields):
    """A live session page under ``course`` starting at ``starts_at`` (aware)."""
    from courses.sessions.models import SessionPage

    n = next(_course_sequence)
    fields.setdefault("mode", "online")
    if fields["mode"] == "online":
        fields.setdefault("meeting_url", MEETING_URL)
    else:
        fields.setdefault("place", "Aula BKPSDM, Lantai 2")
    return course.add_child(
        instance=SessionPage(
            title=fields.pop("title", f"Webinar {n}"),
            slug=fields.pop("slug", f"webinar-{n}"),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            speakers=fields.pop("speakers", "Narasumber Satu\nNarasumber Dua"),
            **fields,
        )
    )


# --- assignments -----------------------------------------------------------------

RUBRIC = [
    {
        "name": "Analisis masalah",
        "levels": [
            {"label": "Kurang", "description": "", "points": 1},
            {"label": "Cukup", "description": "", "points": 2},
            {"label": "Baik", "description": "", "points": 4},
        ],
    },
    {
        "name": "Rencana tindak lanjut",
        "levels": [
            {"label": "Kurang", "description": "", "points": 1},
            {"label": "Baik", "description": "", "points": 3},
        ],
    },
]


def add_assignment(lesson: LessonPage, *, block_id: str = "tugas-1", **value):
    """Append an assignment block (``courses.blocks.AssignmentBlock``) with the id
    ``block_id`` to ``lesson`` and save it; rubric grading unless told."""
    fields = {
        "title": "Refleksi penerapan di unit kerja",
        "kind": "assignment",
        "instructions": "<p>Tuliskan satu masalah layanan di unit Anda.</p>",
        "accepts_text": True,
        "accepts_file": True,
        "file_types": ["pdf", "docx"],
        "max_file_mb": 2,
        "due_date": None,
        "grading": "rubric",
        "rubric": RUBRIC,
        "pass_points": 4,
        "required": True,
    } | value
    raw = list(lesson.body.raw_data)
    raw.append({"type": "assignment", "value": fields, "id": block_id})
    lesson.body = raw
    lesson.save()
    return lesson
