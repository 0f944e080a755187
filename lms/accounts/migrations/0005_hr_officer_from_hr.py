"""HrOfficer moves from lms.hr into lms.accounts (it is part of the organisation
scope rule, which lives here now). Only the migration state moves: the table keeps
its name ``hr_hrofficer`` and its rows; ``hr.0005`` drops the model from lms.hr's
state."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_privacy_requests"),
        # The table was created by lms.hr; it must exist before this state does.
        ("hr", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HrOfficer",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="dibuat"
                            ),
                        ),
                        (
                            "unit",
                            models.ForeignKey(
                                help_text="Petugas melihat unit ini beserta "
                                "seluruh unit di bawahnya.",
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="hr_officers",
                                to="accounts.orgunit",
                                verbose_name="unit lingkup",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="hr_officer",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="petugas HR",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "petugas HR",
                        "verbose_name_plural": "petugas HR",
                        "db_table": "hr_hrofficer",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
