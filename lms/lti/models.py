"""Sigap as an LTI 1.3 tool: the platforms allowed to launch it, its own keys,
the launches in flight, who each platform's person is here, and the scores on
their way back (docs/interoperability.md, "LTI")."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class LtiPlatform(ClusterableModel):
    """A learning platform (e.g. an agency's Moodle) registered by an
    administrator: only launches signed by its keys are believed."""

    name = models.CharField(_("nama"), max_length=200)
    issuer = models.CharField(
        _("issuer (Platform ID)"),
        max_length=255,
        help_text=_("Di Moodle: Platform ID, mis. https://elearning.instansi.go.id"),
    )
    client_id = models.CharField(
        _("client ID"), max_length=255, help_text=_("Di Moodle: Client ID")
    )
    auth_login_url = models.URLField(
        _("URL otentikasi (OIDC)"),
        max_length=500,
        help_text=_("Di Moodle: Authentication request URL"),
    )
    auth_token_url = models.URLField(
        _("URL token (OAuth2)"),
        max_length=500,
        help_text=_("Di Moodle: Access token URL"),
    )
    jwks_url = models.URLField(
        _("URL kunci publik (JWKS)"),
        max_length=500,
        help_text=_("Di Moodle: Public keyset URL"),
    )
    match_email = models.BooleanField(
        _("cocokkan akun lewat email"),
        default=True,
        help_text=_(
            "Peluncuran pertama seseorang memakai akun Sigap dengan email yang sama. "
            "Akun staf (pengajar, peninjau, HR, admin) tidak pernah dicocokkan."
        ),
    )
    offered_courses = models.ManyToManyField(
        "courses.CoursePage",
        verbose_name=_("kursus yang ditawarkan"),
        blank=True,
        related_name="+",
        help_text=_(
            "Kursus yang dapat dipilih pengajar platform ini (deep linking) dan "
            "diluncurkan dari sana. Kosong: semua kursus yang terbit."
        ),
    )
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("issuer"),
        FieldPanel("client_id"),
        FieldPanel("auth_login_url"),
        FieldPanel("auth_token_url"),
        FieldPanel("jwks_url"),
        FieldPanel("match_email"),
        FieldPanel("offered_courses", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
        InlinePanel("deployments", label=_("Deployment"), min_num=1),
    ]

    class Meta:
        verbose_name = _("platform LTI")
        verbose_name_plural = _("platform LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], name="lti_platform_issuer_client"
            )
        ]

    def __str__(self) -> str:
        return self.name


class LtiDeployment(models.Model):
    """One deployment of Sigap on a platform (Moodle: *Deployment ID*)."""

    platform = ParentalKey(
        LtiPlatform, on_delete=models.CASCADE, related_name="deployments"
    )
    deployment_id = models.CharField(_("deployment ID"), max_length=255)

    panels = [FieldPanel("deployment_id")]

    class Meta:
        verbose_name = _("deployment LTI")
        verbose_name_plural = _("deployment LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "deployment_id"], name="lti_deployment_unique"
            )
        ]

    def __str__(self) -> str:
        return self.deployment_id


class LtiToolKey(models.Model):
    """Sigap's own RSA key as a tool: it signs the client assertions of the
    NRPS and AGS calls; the public half is at ``/lti/jwks.json``. The newest
    active key signs; older ones stay published until deleted."""

    kid = models.CharField(_("ID kunci (kid)"), max_length=64, unique=True)
    private_key_pem = models.TextField(_("kunci privat (PEM)"))
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("kunci alat LTI")
        verbose_name_plural = _("kunci alat LTI")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.kid


class LtiLaunchState(models.Model):
    """One OIDC login in flight: the ``state`` Sigap sent to the platform and
    the ``nonce`` the id_token must carry. Used once: a replayed launch finds
    it used. Kept server-side because the launch is a cross-site POST that
    carries no session cookie (SameSite)."""

    platform = models.ForeignKey(
        LtiPlatform, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(max_length=64, unique=True)
    target_link_uri = models.URLField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("peluncuran LTI")
        verbose_name_plural = _("peluncuran LTI")

    def __str__(self) -> str:
        return self.state


class LtiDeepLinkRequest(models.Model):
    """A platform's deep linking request that passed every launch check, while
    its instructor picks the courses: the picker's form carries ``token``
    (random, used once, good for 10 minutes), the only thing that lets a POST
    answer this request."""

    platform = models.ForeignKey(
        LtiPlatform, on_delete=models.CASCADE, related_name="+"
    )
    deployment = models.ForeignKey(
        LtiDeployment, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    sub = models.CharField(max_length=255)
    return_url = models.URLField(max_length=1000)
    # The platform's opaque ``data``, echoed in the answer exactly as it came.
    # (None: the request had none, and the answer has none either.)
    data = models.JSONField(null=True, blank=True)
    accept_multiple = models.BooleanField(default=False)
    accept_lineitem = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("permintaan deep linking LTI")
        verbose_name_plural = _("permintaan deep linking LTI")

    def __str__(self) -> str:
        return f"{self.platform} / {self.sub}"


class LtiIdentity(models.Model):
    """Who a platform's person (its ``sub``) is in Sigap: set at their first
    launch and used for every later one, whatever e-mail the platform sends."""

    platform = models.ForeignKey(
        LtiPlatform, on_delete=models.CASCADE, related_name="identities"
    )
    sub = models.CharField(_("ID di platform (sub)"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="lti_identities",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_launch_at = models.DateTimeField(_("peluncuran terakhir"), null=True)

    class Meta:
        verbose_name = _("identitas LTI")
        verbose_name_plural = _("identitas LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "sub"], name="lti_identity_platform_sub"
            )
        ]

    def __str__(self) -> str:
        return f"{self.platform} / {self.sub}"


class LtiResourceLink(models.Model):
    """A link to a Sigap course placed in a platform's course (context), with
    the service addresses the platform gave in its launches: the roster (NRPS)
    and the grade column (AGS line item)."""

    platform = models.ForeignKey(
        LtiPlatform, on_delete=models.CASCADE, related_name="links"
    )
    deployment = models.ForeignKey(
        LtiDeployment, on_delete=models.CASCADE, related_name="links"
    )
    resource_link_id = models.CharField(max_length=255)
    context_id = models.CharField(max_length=255, blank=True)
    context_title = models.CharField(
        _("kursus di platform"), max_length=255, blank=True
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.CASCADE,
        related_name="lti_links",
    )
    memberships_url = models.URLField(max_length=500, blank=True)
    lineitem_url = models.URLField(max_length=500, blank=True)
    ags_scopes = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tautan LTI")
        verbose_name_plural = _("tautan LTI")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "deployment", "resource_link_id"],
                name="lti_link_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.context_title or self.context_id} → {self.course}"


class LtiLaunchedEnrolment(models.Model):
    """A person launched into a course through ``link``: where their completion
    is sent back."""

    link = models.ForeignKey(
        LtiResourceLink, on_delete=models.CASCADE, related_name="launched"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.CASCADE, related_name="lti_launches"
    )
    sub = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "enrolment"], name="lti_launched_enrolment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.link_id}: {self.sub}"


class LtiScoreQuerySet(models.QuerySet):
    def due(self, now) -> "LtiScoreQuerySet":
        return self.filter(
            status__in=(LtiScore.Status.PENDING, LtiScore.Status.FAILED),
            next_attempt_at__lte=now,
        )


class LtiScore(models.Model):
    """A score (AGS) on its way to a platform's grade book, and what happened
    to it: the outbox that keeps it until the platform has it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    launch = models.ForeignKey(
        LtiLaunchedEnrolment, on_delete=models.CASCADE, related_name="scores"
    )
    payload = models.JSONField(_("nilai"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(_("alasan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LtiScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("nilai LTI")
        verbose_name_plural = _("nilai LTI")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.launch_id} ({self.status})"
