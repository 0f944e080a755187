"""Give the five roles their rights (lms.accounts.roles) and the review workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def apply_rights(apps, schema_editor):
    from lms.accounts.roles import sync_role_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles_and_cache_table"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("courses", "0001_initial"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_rights, migrations.RunPython.noop)]
