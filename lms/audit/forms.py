"""The audit trail's filter form, shared by the list and the CSV export."""

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Pelaku (email)"), required=False, max_length=254)
    action = forms.CharField(label=_("Tindakan"), required=False, max_length=100)
    target_type = forms.CharField(
        label=_("Jenis rekaman"), required=False, max_length=100
    )
    target_id = forms.CharField(label=_("ID rekaman"), required=False, max_length=64)
    ip_address = forms.GenericIPAddressField(label=_("Alamat IP"), required=False)
    date_from = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def filter(self, events: QuerySet) -> QuerySet:
        if not self.is_valid():
            return events.none()
        data = self.cleaned_data
        if data["actor"]:
            events = events.filter(actor_repr__icontains=data["actor"])
        if data["action"]:
            events = events.filter(action__startswith=data["action"])
        if data["target_type"]:
            events = events.filter(target_type=data["target_type"])
        if data["target_id"]:
            events = events.filter(target_id=data["target_id"])
        if data["ip_address"]:
            events = events.filter(ip_address=data["ip_address"])
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            start = datetime.datetime.combine(data["date_from"], datetime.time(), tz)
            events = events.filter(at__gte=start)
        if data["date_to"]:
            end = datetime.datetime.combine(
                data["date_to"] + datetime.timedelta(days=1), datetime.time(), tz
            )
            events = events.filter(at__lt=end)
        return events
