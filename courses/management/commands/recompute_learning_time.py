"""Compute every lesson's estimated learning time again from its content."""

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.services import recompute_lesson_times


class Command(BaseCommand):
    help = (
        "Menghitung ulang perkiraan waktu setiap pelajaran dari isinya (setelah "
        "SIGAP_READING_WPM diubah, atau untuk pelajaran yang disimpan sebelum "
        "fitur ini ada). Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Hanya hitung berapa yang akan berubah; tidak menyimpan apa pun.",
        )

    def handle(self, *args, dry_run: bool, **options):
        result = recompute_lesson_times(dry_run=dry_run)
        verb = "akan berubah" if dry_run else "diperbarui"
        self.stdout.write(
            f"{result.checked} pelajaran diperiksa dengan "
            f"SIGAP_READING_WPM={settings.SIGAP_READING_WPM}; "
            f"{result.changed} {verb}."
        )
