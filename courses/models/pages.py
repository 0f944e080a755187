"""What editors publish: home, catalogue, courses and lessons (Wagtail pages)."""

import hashlib
import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.locks import BaseLock
from wagtail.models import Page, PreviewableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from courses.jenis_diklat import JenisDiklat
from lms.cache import prefetch_for_person
from lms.private_apis import remember_parent, remembered_parent

from ..blocks import LessonStreamBlock
from ..forms import CoursePageForm
from ..learning_time import estimated_minutes, required_seconds
from ..panels import CourseTimePanel, LessonTimePanel
from ..permissions import can_study
from ..published import RestrictionsFromRoute, remembered
from ..search import search_courses


@register_snippet
class Topic(models.Model):
    """A theme that groups courses in the catalogue (e.g. Berpikir Cepat)."""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = _("topik")
        verbose_name_plural = _("topik")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def _page_with_parent(target_path: str) -> Page | None:
    """The page at ``target_path`` (specific), with its parent and its view
    restrictions attached, or ``None``."""
    parent_path = target_path[: target_path.rstrip("/").rindex("/") + 1]
    found = list(
        Page.objects.filter(url_path__in={target_path, parent_path})
        .order_by("depth")
        .specific()
    )
    by_path = {page.url_path: page for page in found}
    target = by_path.get(target_path)
    if target is None or len(found) != len(by_path):
        return None
    parent = by_path.get(parent_path)
    if parent is not None and parent.depth == target.depth - 1:
        remember_parent(target, parent)
    target._sigap_view_restrictions = list(Page.get_view_restrictions(target))
    return target


class CourseReviewLock(BaseLock):
    """A page below a course under review: only the course's reviewers edit it, so
    what they approve is what goes live."""

    def __init__(self, page, task):
        super().__init__(page)
        self.task = task

    def for_user(self, user):
        return self.task.locked_for_user(self.object, user)

    def get_message(self, user):
        if self.for_user(user):
            return _(
                "Kursus tempat halaman ini berada sedang ditinjau. Hanya peninjau "
                "yang dapat mengubahnya sampai tinjauan selesai."
            )
        return None

    def get_locked_by(self, user):
        return _("Dikunci oleh tinjauan kursus")

    def get_description(self, user):
        return _(
            "Hanya peninjau yang dapat mengubah halaman kursus yang sedang ditinjau"
        )


class CourseOwnedPermissions:
    """Mixin for every page model of the course tree: Wagtail asks the course
    tree's tester (``courses.page_permissions``) what a user may do with it.

    Pages below a course (``reviewed_with_course``: lessons, quizzes, sessions)
    have no review workflow of their own: they are submitted, reviewed and
    published with their course (``courses.models.review``), and while the
    course is under review they are locked like the course page itself.
    """

    reviewed_with_course = True

    def permissions_for_user(self, user):
        # in-function: courses.page_permissions reads these models.
        from ..page_permissions import CoursePagePermissionTester

        return CoursePagePermissionTester(user, self)

    def get_workflow(self):
        if self.reviewed_with_course:
            return None
        return super().get_workflow()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    def get_lock(self):
        lock = super().get_lock()
        if lock is not None or not self.reviewed_with_course:
            return lock
        course = course_of(self)
        task = course.current_workflow_task if course is not None else None
        return CourseReviewLock(self, task) if task is not None else None


class HomePage(RestrictionsFromRoute, CourseOwnedPermissions, Page):
    """The site's front page: what Sigap is, and the way into the catalogue."""

    reviewed_with_course = False

    tagline = models.CharField(_("slogan"), max_length=200, blank=True)
    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CatalogPage"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def route(self, request, path_components):
        """Find the page below in one lookup by its URL path, with its parent.

        Wagtail walks the tree one query pair per URL segment. Every page below the
        home page is one of ours and routes by slug alone (``subpage_types``), so
        the page whose ``url_path`` is the requested path is the page the walk
        would reach. The page found, its parent and its view restrictions are kept
        until the published content changes (``courses.published``). Anything else
        (no such page, sub-routes) takes Wagtail's walk.
        """
        if path_components:
            target_path = self.url_path + "/".join(path_components) + "/"
            target = remembered(
                "route:" + hashlib.sha256(target_path.encode()).hexdigest(),
                lambda: _page_with_parent(target_path),
            )
            if target is not None:
                return target.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalog"] = CatalogPage.objects.live().first()
        context["featured_courses"] = (
            CoursePage.objects.live()
            .select_related("topic", "cover_image")
            .order_by("path")[:4]
        )
        return context


class CatalogPage(RestrictionsFromRoute, CourseOwnedPermissions, Page):
    """The course catalogue: every published course, "
    "filterable by topic and searchable."""

    reviewed_with_course = False

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("katalog kursus")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = (
            CoursePage.objects.live()
            .child_of(self)
            .select_related("topic", "cover_image")
        )
        topic_slug = request.GET.get("topik", "")
        # Control characters (NUL above all) break full-text search backends.
        query = "".join(
            char for char in request.GET.get("q", "") if char.isprintable()
        ).strip()[:100]
        topic = (
            Topic.objects.filter(slug=topic_slug).first()
            if topic_slug.replace("-", "").replace("_", "").isalnum()
            else None
        )
        if topic is not None:
            courses = courses.filter(topic=topic)
        if query:
            courses = search_courses(courses, query, catalog=self)
        else:
            courses = courses.order_by("path")
        context.update(
            courses=courses,
            topics=Topic.objects.filter(
                pk__in=CoursePage.objects.live().values("topic")
            ).order_by("name"),
            active_topic=topic,
            query=query,
        )
        return context


class CoursePage(RestrictionsFromRoute, CourseOwnedPermissions, Page):
    """One course (modul): summary, goals, JP, activity "
    "type, trainer; lessons below it."""

    reviewed_with_course = False

    code = models.CharField(
        _("kode kursus"),
        max_length=30,
        unique=True,
        help_text=_("Kode singkat, dipakai pada nomor sertifikat, mis. BCP."),
    )
    summary = models.TextField(_("ringkasan"))
    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Tujuan"), max_length=300))],
        verbose_name=_("tujuan pembelajaran"),
        blank=True,
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topik"),
        on_delete=models.PROTECT,
        related_name="courses",
        null=True,
        blank=True,
    )
    jp = models.PositiveSmallIntegerField(
        _("jam pelajaran (JP)"),
        default=2,
        help_text=_("Bilangan bulat; 1 JP = 45 menit."),
    )
    jenis_diklat = models.PositiveSmallIntegerField(
        _("jenis diklat (SIASN)"),
        choices=JenisDiklat.choices,
        default=JenisDiklat.E_LEARNING,
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengajar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses_taught",
    )
    min_time_share = models.PositiveSmallIntegerField(
        _("waktu minimum sebelum tandai selesai (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Bagian dari perkiraan waktu tiap pelajaran yang harus lewat sejak "
            "pelajaran pertama kali dibuka sebelum peserta dapat menandainya "
            "selesai. Kosongkan untuk memakai bawaan situs."
        ),
    )
    requires_pretest = models.BooleanField(
        _("wajib pre-test sebelum pelajaran pertama"),
        default=False,
        help_text=_("Peserta mengerjakan pre-test kursus ini sebelum membuka materi."),
    )
    requires_evaluation = models.BooleanField(
        _("wajib evaluasi penyelenggaraan sebelum sertifikat"),
        default=False,
        help_text=_(
            "Kursus baru selesai (dan sertifikat terbit) setelah peserta mengisi "
            "evaluasi penyelenggaraan. Jawaban anonim."
        ),
    )
    level3_weeks = models.PositiveSmallIntegerField(
        _("minggu sebelum atasan ditanya (evaluasi level 3)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(52)],
        help_text=_(
            "Sekian minggu setelah peserta menyelesaikan kursus, atasan langsungnya "
            "menerima survei penerapan kompetensi kursus ini. Kosongkan untuk "
            "memakai bawaan situs; 0: atasan tidak ditanya."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar sampul"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("templat sertifikat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kosongkan untuk memakai templat bawaan."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.AutocompleteField("title"),
        index.FilterField("topic"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_goals"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("topic"),
                FieldPanel("jp"),
                CourseTimePanel(heading=_("Waktu belajar terukur")),
                FieldPanel("min_time_share"),
                FieldPanel("jenis_diklat"),
                FieldPanel("trainer"),
                FieldPanel("certificate_template"),
                FieldPanel("requires_pretest"),
            ],
            heading=_("Data kursus"),
        ),
        InlinePanel(
            "competency_targets",
            heading=_("Kompetensi yang dibangun"),
            label=_("Kompetensi"),
            help_text=_(
                "Post-test yang lulus menunjukkan level sasaran ini untuk setiap "
                "kompetensi."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("requires_evaluation"),
                FieldPanel("level3_weeks"),
                # The extra questions are ``lms.evaluation.CourseQuestion`` rows
                # (a child relation of the page, as the competency targets).
                InlinePanel(
                    "evaluation_questions",
                    label=_("Pertanyaan"),
                    help_text=_(
                        "Ditanyakan setelah formulir standar (materi, pengajar, "
                        "penyelenggaraan, sarana), hanya di kursus ini."
                    ),
                ),
            ],
            heading=_("Evaluasi penyelenggaraan"),
        ),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = [
        "courses.LessonPage",
        "quizzes.QuizPage",
        "livesessions.SessionPage",
        "packages.PackagePage",
    ]
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")

    def lessons(self):
        """Published lessons of this course, in tree order."""
        return LessonPage.objects.live().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        # in-function: courses.selectors and courses.course_time import these
        # models (a page is its own view)
        from ..course_time import course_learning_time
        from ..selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course=self, user=request.user)
        context["learning_time"] = remembered(
            f"course-time:{self.pk}", lambda: course_learning_time(course=self)
        )
        return context


def course_of(page: Page) -> CoursePage | None:
    """The course ``page`` is or lies inside (a lesson's or quiz's is its parent
    page), or None outside every course.

    Wagtail's routing has usually fetched a lesson's parent already on the way to
    the page and left it on the page (``remembered_parent``); only otherwise is
    it queried.
    """
    if isinstance(page, CoursePage):
        return page
    parent = remembered_parent(page)
    if isinstance(parent, CoursePage) and parent.path == page.path[: -page.steplen]:
        return parent
    steplen = page.steplen
    ancestors = [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]
    return CoursePage.objects.filter(path__in=ancestors).order_by("-depth").first()


# Learners read on phones: the admin's preview opens at 360 px (the narrowest
# screen Sigap is built for), with Wagtail's tablet (768 px) and desktop (1280 px)
# sizes a click away. Wagtail's own labels, already in the Indonesian catalogue.
MOBILE_PREVIEW_WIDTH = 360
MOBILE_FIRST_PREVIEW_SIZES = [
    {**size, "device_width": MOBILE_PREVIEW_WIDTH} if size["name"] == "mobile" else size
    for size in PreviewableMixin.DEFAULT_PREVIEW_SIZES
]


class MobileFirstPreview:
    """Mixin for the pages learners read (lessons, quizzes): the admin's preview
    panel offers 360 px, tablet and desktop sizes and opens at 360 px."""

    @property
    def preview_sizes(self):
        return MOBILE_FIRST_PREVIEW_SIZES

    @property
    def default_preview_size(self):
        return "mobile"


class LessonPage(
    MobileFirstPreview, RestrictionsFromRoute, CourseOwnedPermissions, Page
):
    """One lesson of a course, built from content blocks."""

    intro = models.TextField(_("pengantar singkat"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("perkiraan waktu (menit)"),
        default=1,
        editable=False,
        help_text=_("Dihitung dari isi pelajaran setiap kali disimpan."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("isi pelajaran"))

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        LessonTimePanel(heading=_("Perkiraan waktu belajar")),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pelajaran")
        verbose_name_plural = _("pelajaran")

    def clean(self):
        """The estimated time follows the content: computed at every save, draft
        or publish (Wagtail cleans the page before either), never typed in."""
        super().clean()
        self.estimated_minutes = estimated_minutes(intro=self.intro, body=self.body)

    def get_course(self) -> CoursePage:
        if not hasattr(self, "_course"):
            self._course = course_of(self)
        return self._course

    def serve(self, request, *args, **kwargs):
        # in-function: courses.selectors and courses.services import these models
        # (a page is its own view)
        from ..selectors import (
            course_outline,
            lesson_page_cache_name,
            standing_cache_name,
        )
        from ..services import note_lesson_opened

        course = self.get_course()
        previewing = getattr(request, "is_preview", False)
        # ``may_learn``'s rules, from what routing and the outline already hold
        # (this page's query budget is pinned): Wagtail's own hook has checked
        # the view restrictions; a lesson of an unpublished course is not served.
        if not course.live and not previewing:
            raise Http404
        if request.user.is_authenticated and not previewing:
            # The learner's standing and their kept page of this lesson, in one
            # round trip to the cache instead of two.
            prefetch_for_person(
                request.user.pk,
                [
                    standing_cache_name(course_id=course.pk),
                    lesson_page_cache_name(self.pk),
                ],
            )
        outline = course_outline(course=course, user=request.user, current=self)
        if not previewing and not can_study(request.user, course, outline.enrolment):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            messages.info(
                request, _("Daftar ke kursus ini dulu untuk membuka pelajarannya.")
            )
            return redirect(course.url)
        pretest = outline.extra.get("pending_pretest")
        if pretest is not None and not previewing:
            messages.info(
                request,
                _("Kerjakan pre-test dulu sebelum membuka pelajaran pertama."),
            )
            return redirect(pretest.url)
        if (
            outline.enrolment is not None
            and outline.standing is not None
            and not previewing
        ):
            note_lesson_opened(
                enrolment=outline.enrolment, lesson=self, standing=outline.standing
            )
        request.sigap_outline = outline
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # in-function: courses.selectors imports these models (a page is its own view)
        from ..selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = getattr(request, "sigap_outline", None) or course_outline(
            course=self.get_course(), user=request.user, current=self
        )
        context.update(
            heartbeat_seconds=settings.SIGAP_HEARTBEAT_SECONDS,
            done_after_minutes=math.ceil(
                required_seconds(lesson=self, course=self.get_course()) / 60
            ),
        )
        return context
