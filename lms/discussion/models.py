"""The discussion of a course: threads, posts, reports of posts, and each
person's reply digest (when it last went out, or that they opted out).

Every model names its owner in ``PERSONAL_DATA_OWNER``: the privacy export
(lms.accounts.personal_data) reads it through that field only, never as a record
hanging on someone else's (another person's reply in one's thread, a report of
one's post: the reporter stays unknown to the author).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Hideable(models.Model):
    """Hidden by a moderator (the course's trainer or an administrator), with the
    reason shown in its place."""

    hidden_at = models.DateTimeField(_("disembunyikan"), null=True, blank=True)
    hidden_reason = models.CharField(
        _("alasan disembunyikan"), max_length=300, blank=True
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disembunyikan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Thread(Hideable):
    """A conversation in a course's discussion space; with ``lesson`` set, that
    lesson's *Tanya pengajar* thread (one per lesson, opened by the first question)."""

    PERSONAL_DATA_OWNER = "started_by"

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    lesson = models.OneToOneField(
        "courses.LessonPage",
        verbose_name=_("pelajaran"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=150)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"))
    last_post_at = models.DateTimeField(_("pesan terakhir"), db_index=True)
    is_pinned = models.BooleanField(_("disematkan"), default=False)
    is_locked = models.BooleanField(_("dikunci"), default=False)

    class Meta:
        verbose_name = _("topik diskusi")
        verbose_name_plural = _("topik diskusi")
        indexes = [models.Index(fields=["course", "-is_pinned", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title


class Post(Hideable):
    """One message in a thread: plain text (links made safe when shown). An erased
    person's posts stay, emptied and authored by nobody ("[dihapus]")."""

    PERSONAL_DATA_OWNER = "user"

    thread = models.ForeignKey(
        Thread, verbose_name=_("topik"), on_delete=models.CASCADE, related_name="posts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("isi"))
    created_at = models.DateTimeField(_("dikirim"), db_index=True)
    edited_at = models.DateTimeField(_("diubah"), null=True, blank=True)
    is_answer = models.BooleanField(
        _("jawaban pengajar"),
        default=False,
        help_text=_("Ditandai oleh pengajar sebagai jawaban pertanyaan."),
    )

    class Meta:
        verbose_name = _("pesan diskusi")
        verbose_name_plural = _("pesan diskusi")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.pk}"

    @property
    def is_erased(self) -> bool:
        return self.user_id is None and not self.body


class PostReport(models.Model):
    """A participant's report of a post (spam, abuse): it reaches the course's
    trainer; the author never learns who reported."""

    PERSONAL_DATA_OWNER = "reporter"

    post = models.ForeignKey(
        Post, verbose_name=_("pesan"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelapor"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("alasan"), max_length=300)
    created_at = models.DateTimeField(_("dilaporkan"))
    resolved_at = models.DateTimeField(_("ditangani"), null=True, blank=True)

    class Meta:
        verbose_name = _("laporan pesan")
        verbose_name_plural = _("laporan pesan")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="one_report_per_post_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.post_id} ({self.reporter_id})"


class DigestState(models.Model):
    """A person's reply digest: replies up to ``sent_until`` were sent; or none
    are (``opt_out``)."""

    PERSONAL_DATA_OWNER = "user"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    opt_out = models.BooleanField(_("tidak menerima ringkasan"), default=False)
    sent_until = models.DateTimeField(_("dikirim sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("ringkasan balasan diskusi")
        verbose_name_plural = _("ringkasan balasan diskusi")

    def __str__(self) -> str:
        return str(self.user_id)
