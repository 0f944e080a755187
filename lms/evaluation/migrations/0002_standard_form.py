"""Load the standard evaluation form (``standard_form.yaml``) once; administrators
edit it in the admin afterwards. A question whose key exists is left as it is."""

from pathlib import Path

import yaml
from django.db import migrations

FORM = Path(__file__).resolve().parent.parent / "standard_form.yaml"


def load_standard_form(apps, schema_editor):
    StandardQuestion = apps.get_model("evaluation", "StandardQuestion")
    rows = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    for order, row in enumerate(rows, start=1):
        StandardQuestion.objects.get_or_create(
            key=row["key"],
            defaults={
                "section": row["section"],
                "kind": row.get("kind", "scale"),
                "text": row["text"],
                "sort_order": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [
        migrations.RunPython(load_standard_form, migrations.RunPython.noop),
    ]
