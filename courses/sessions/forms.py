"""Forms of live sessions: the session page in the admin (times entered in the
session's own time zone), the attendance code, the classroom register and the
attendance report upload."""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from lms.accounts.models import TimeZone

TIME_FIELDS = ("starts_at", "ends_at")


def _in_zone(value, zone_name: str):
    """A datetime read in the site's zone, re-read as the same wall-clock time
    in ``zone_name``."""
    wall = timezone.localtime(value).replace(tzinfo=None)
    return timezone.make_aware(wall, zoneinfo.ZoneInfo(zone_name))


class SessionPageForm(WagtailAdminPageForm):
    """The editor types the start and end as the wall clock of the session's time
    zone (WIB, WITA or WIT); they are stored in UTC."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zoneinfo.ZoneInfo(self.instance.time_zone or TimeZone.WIB)
        for name in TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and not self.is_bound:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)
        for name in TIME_FIELDS:
            if name in self.fields:
                self.fields[name].help_text = _("Dalam zona waktu pengisian di atas.")

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or TimeZone.WIB
        for name in TIME_FIELDS:
            if cleaned.get(name) is not None:
                cleaned[name] = _in_zone(cleaned[name], zone_name)
                setattr(self.instance, name, cleaned[name])
        return cleaned


class AttendanceCodeForm(forms.Form):
    code = forms.CharField(label=_("Kode kehadiran"), max_length=20)


class ReportUploadForm(forms.Form):
    """An attendance report from a meeting provider, with how to read it."""

    file = forms.FileField(label=_("Berkas laporan (CSV)"))
    provider = forms.ChoiceField(label=_("Penyedia rapat"))
    file_time_zone = forms.ChoiceField(
        label=_("Zona waktu dalam berkas"),
        choices=[*TimeZone.choices, ("UTC", "UTC")],
    )
    person_column = forms.CharField(
        label=_("Kolom email atau NIP"), max_length=100, required=False
    )
    name_column = forms.CharField(label=_("Kolom nama"), max_length=100, required=False)
    join_column = forms.CharField(
        label=_("Kolom waktu bergabung"), max_length=100, required=False
    )
    leave_column = forms.CharField(
        label=_("Kolom waktu keluar"), max_length=100, required=False
    )
    duration_column = forms.CharField(
        label=_("Kolom durasi"), max_length=100, required=False
    )

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = list(providers)
