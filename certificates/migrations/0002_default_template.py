"""A default certificate template, so a course without one can still be certified."""

from django.db import migrations

DEFAULT_NAME = "Templat bawaan Sigap"


def create_default(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    if CertificateTemplate.objects.filter(is_default=True).exists():
        return
    CertificateTemplate.objects.create(
        name=DEFAULT_NAME,
        is_default=True,
        institution_name="Sigap — Pelatihan Kapasitas ASN",
        signer_name="Kepala Penyelenggara Pelatihan",
        signer_position="Kepala Penyelenggara Pelatihan",
        place="Jakarta",
        number_pattern="{seq:05d}/SIGAP/{course_code}/{year}",
        title_text="SERTIFIKAT",
        intro_text="Diberikan kepada",
        body_text="telah mengikuti dan menyelesaikan dengan predikat",
        mode_text="secara daring (e-learning)",
        footer_text=(
            "Keaslian sertifikat ini dapat diperiksa dengan memindai kode QR."
        ),
    )


def remove_default(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    CertificateTemplate.objects.filter(name=DEFAULT_NAME, certificates=None).delete()


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [migrations.RunPython(create_default, remove_default)]
