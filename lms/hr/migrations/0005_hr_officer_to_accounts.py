"""HrOfficer now lives in lms.accounts (``accounts.0005``): drop it from lms.hr's
migration state only; the table ``hr_hrofficer`` and its rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hr", "0004_erased_completions"),
        ("accounts", "0005_hr_officer_from_hr"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="HrOfficer")],
            database_operations=[],
        ),
    ]
