"""People: the user account, the organisation tree and the ASN profile."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from .employee_numbers import EmployeeType


class UserQuerySet(models.QuerySet):
    def processing_allowed(self) -> "UserQuerySet":
        """People who have not restricted the processing of their data."""
        return self.filter(processing_restricted_at__isnull=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    """Users are identified by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Email wajib diisi.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in to Sigap with an email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email"), unique=True)
    name = models.CharField(_("nama lengkap"), max_length=200, blank=True)
    privacy_notice_shown_at = models.DateTimeField(
        _("pemberitahuan privasi ditampilkan"), null=True, blank=True
    )
    processing_restricted_at = models.DateTimeField(
        _("pemrosesan dibatasi sejak"),
        null=True,
        blank=True,
        help_text=_(
            "Diisi saat pemilik data meminta pembatasan (UU 27/2022): tidak ada "
            "pengingat atau pemrosesan tidak wajib lain."
        ),
    )
    erased_at = models.DateTimeField(_("dianonimkan"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        profile = getattr(self, "asn_profile", None)
        if profile is not None and profile.full_name:
            return profile.full_name_with_titles
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.name or self.email


class TimeZone(models.TextChoices):
    """Indonesia's three time zones; a unit's tells its people's clock."""

    WIB = "Asia/Jakarta", _("WIB (Waktu Indonesia Barat)")
    WITA = "Asia/Makassar", _("WITA (Waktu Indonesia Tengah)")
    WIT = "Asia/Jayapura", _("WIT (Waktu Indonesia Timur)")


# The abbreviation shown after a time, e.g. "09.00 WITA".
TIME_ZONE_ABBREVIATIONS = {
    TimeZone.WIB: "WIB",
    TimeZone.WITA: "WITA",
    TimeZone.WIT: "WIT",
}


class OrgUnit(MP_Node):
    """A node of the organisation tree: an instansi at the root, unit kerja below it."""

    class Kind(models.TextChoices):
        INSTANSI_PUSAT = "pusat", _("Instansi pusat")
        INSTANSI_DAERAH = "daerah", _("Instansi daerah")
        UNIT = "unit", _("Unit kerja")

    name = models.CharField(_("nama"), max_length=255)
    code = models.CharField(_("kode"), max_length=50, unique=True)
    kind = models.CharField(
        _("jenis"), max_length=10, choices=Kind.choices, default=Kind.UNIT
    )
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=20,
        choices=TimeZone.choices,
        default=TimeZone.WIB,
        help_text=_(
            "Jadwal sesi langsung ditampilkan kepada pegawai unit ini "
            "dalam zona waktu ini."
        ),
    )

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")

    def __str__(self) -> str:
        return self.name

    @property
    def instansi(self) -> "OrgUnit":
        return self if self.is_root() else self.get_root()

    def subtree(self) -> models.QuerySet["OrgUnit"]:
        """This node and every node below it."""
        return OrgUnit.objects.filter(path__startswith=self.path)


class HrOfficer(models.Model):
    """Attaches an HR officer to one node of the organisation tree.

        The officer sees that node's subtree only (see ``lms.accounts.scope``). The
    table keeps the name it had when the model lived in ``lms.hr``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas HR"),
        on_delete=models.CASCADE,
        related_name="hr_officer",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit lingkup"),
        on_delete=models.PROTECT,
        related_name="hr_officers",
        help_text=_("Petugas melihat unit ini beserta seluruh unit di bawahnya."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        db_table = "hr_hrofficer"
        verbose_name = _("petugas HR")
        verbose_name_plural = _("petugas HR")

    def __str__(self) -> str:
        return f"{self.user} — {self.unit}"


class Jabatan(models.Model):
    """A position (jabatan) an ASN holds; competency standards hang on it."""

    class Category(models.TextChoices):
        JPT_UTAMA = "jpt_utama", _("JPT Utama")
        JPT_MADYA = "jpt_madya", _("JPT Madya")
        JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
        ADMINISTRATOR = "administrator", _("Administrator")
        PENGAWAS = "pengawas", _("Pengawas")
        FUNGSIONAL = "fungsional", _("Fungsional")
        PELAKSANA = "pelaksana", _("Pelaksana")

    name = models.CharField(_("nama jabatan"), max_length=255, unique=True)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    jenjang = models.CharField(_("jenjang (fungsional)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Golongan(models.TextChoices):
    """Golongan/pangkat (PNS) and golongan PPPK."""

    IA = "I/a", "I/a Juru Muda"
    IB = "I/b", "I/b Juru Muda Tingkat I"
    IC = "I/c", "I/c Juru"
    ID = "I/d", "I/d Juru Tingkat I"
    IIA = "II/a", "II/a Pengatur Muda"
    IIB = "II/b", "II/b Pengatur Muda Tingkat I"
    IIC = "II/c", "II/c Pengatur"
    IID = "II/d", "II/d Pengatur Tingkat I"
    IIIA = "III/a", "III/a Penata Muda"
    IIIB = "III/b", "III/b Penata Muda Tingkat I"
    IIIC = "III/c", "III/c Penata"
    IIID = "III/d", "III/d Penata Tingkat I"
    IVA = "IV/a", "IV/a Pembina"
    IVB = "IV/b", "IV/b Pembina Tingkat I"
    IVC = "IV/c", "IV/c Pembina Utama Muda"
    IVD = "IV/d", "IV/d Pembina Utama Madya"
    IVE = "IV/e", "IV/e Pembina Utama"
    PPPK_V = "V", "PPPK V"
    PPPK_VII = "VII", "PPPK VII"
    PPPK_IX = "IX", "PPPK IX"
    PPPK_X = "X", "PPPK X"
    PPPK_XI = "XI", "PPPK XI"


class AsnProfileQuerySet(models.QuerySet):
    def in_subtree(self, unit: OrgUnit) -> "AsnProfileQuerySet":
        """Profiles whose unit kerja lies in ``unit``'s subtree."""
        return self.filter(unit__path__startswith=unit.path)


class AsnProfile(models.Model):
    """The civil-servant facts about a user: NIP, birth, unit, jabatan, golongan."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="asn_profile"
    )
    full_name = models.CharField(_("nama lengkap (tanpa gelar)"), max_length=200)
    title_prefix = models.CharField(_("gelar depan"), max_length=50, blank=True)
    title_suffix = models.CharField(_("gelar belakang"), max_length=80, blank=True)
    nip = models.CharField(
        _("NIP / NI PPPK"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        error_messages={
            "unique": _("Nomor pegawai ini sudah terdaftar pada akun lain.")
        },
    )
    legacy_nip = models.CharField(_("NIP lama (9 digit)"), max_length=9, blank=True)
    # The person's id in SIASN (BKN's ``pnsOrangId``), needed only to push course
    # records to the national system (lms.hr.siasn_sync); HR fills it in or imports it.
    siasn_id = models.CharField(
        _("ID SIASN (pnsOrangId)"), max_length=64, blank=True, db_index=True
    )
    employee_type = models.CharField(
        _("jenis pegawai"), max_length=4, choices=EmployeeType.CHOICES, blank=True
    )
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    instansi = models.ForeignKey(
        OrgUnit,
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
    )
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    golongan = models.CharField(
        _("golongan"), max_length=6, choices=Golongan, blank=True
    )
    reminders_opt_out = models.BooleanField(
        _("tidak ingin menerima pengingat yang tidak wajib"), default=False
    )
    # The direct supervisor (atasan langsung), set by HR (person page or staff
    # import). Being a supervisor is derived: someone has team members
    # (``permissions.is_supervisor_of``); the team page is lms.team.
    supervisor = models.ForeignKey(
        User,
        verbose_name=_("atasan langsung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_profiles",
    )
    supervisor_digest_opt_out = models.BooleanField(
        _("tidak ingin menerima ringkasan mingguan tim"), default=False
    )
    completed_at = models.DateTimeField(_("profil dilengkapi"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AsnProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil ASN")
        verbose_name_plural = _("profil ASN")
        indexes = [models.Index(fields=["unit"])]

    def __str__(self) -> str:
        return self.full_name_with_titles

    @property
    def full_name_with_titles(self) -> str:
        name = " ".join(part for part in (self.title_prefix, self.full_name) if part)
        return f"{name}, {self.title_suffix}" if self.title_suffix else name

    @property
    def masked_nip(self) -> str:
        """Show only the first four and last four digits, e.g. 1985**********1001."""
        if not self.nip:
            return ""
        return self.nip[:4] + "*" * (len(self.nip) - 8) + self.nip[-4:]

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def mark_complete(self) -> None:
        if self.completed_at is None:
            self.completed_at = timezone.now()


class DataRequestQuerySet(models.QuerySet):
    def open(self) -> "DataRequestQuerySet":
        return self.filter(status=DataRequest.Status.OPEN)


class DataRequest(models.Model):
    """A data subject's request under UU 27/2022: restrict processing or erase."""

    class Kind(models.TextChoices):
        RESTRICTION = "restriction", _("Pembatasan pemrosesan")
        ERASURE = "erasure", _("Penghapusan data")

    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu")
        DONE = "done", _("Dilaksanakan")
        REJECTED = "rejected", _("Ditolak")
        WITHDRAWN = "withdrawn", _("Dicabut")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="data_requests"
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    reason = models.TextField(_("alasan"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    handled_by = models.ForeignKey(
        User,
        verbose_name=_("ditangani oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("ditangani"), null=True, blank=True)
    note = models.TextField(_("catatan admin"), blank=True)

    objects = DataRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("permintaan data pribadi")
        verbose_name_plural = _("permintaan data pribadi")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(status="open"),
                name="one_open_request_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.user_id}"
