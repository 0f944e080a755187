"""Everyone's language is stored: Bahasa Indonesia where none was chosen.

Users without a Wagtail profile get one, with it, when they first need one
(``lms.accounts.receivers.fill_preferred_language``)."""

from django.conf import settings
from django.db import migrations


def store_indonesian_where_empty(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.filter(preferred_language="").update(
        preferred_language=settings.LANGUAGE_CODE
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_hr_officer_from_hr"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [
        migrations.RunPython(store_indonesian_where_empty, migrations.RunPython.noop)
    ]
