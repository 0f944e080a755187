from django.contrib import admin

from .models import HrOfficer


@admin.register(HrOfficer)
class HrOfficerAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "created_at"]
    search_fields = ["user__email", "unit__name", "unit__code"]
    raw_id_fields = ["user", "unit"]
