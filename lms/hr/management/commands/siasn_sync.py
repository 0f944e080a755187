"""The national record sync (SIASN riwayat kursus) by hand.

    python manage.py siasn_sync --backfill        # completions made before the sync
    python manage.py siasn_sync --retry-failed    # e.g. after SIASN ids were imported
    python manage.py siasn_sync --check-changes   # mark sent records changed since
    python manage.py siasn_sync --send            # send what is due now
    python manage.py siasn_sync --backfill --send --until-empty

Off (an error) while SIGAP_SIASN_BASE_URL is empty.
"""

from django.core.management.base import BaseCommand, CommandError

from lms.hr import siasn_sync
from lms.hr.siasn import is_enabled


class Command(BaseCommand):
    help = (
        "Sinkronisasi riwayat kursus ke SIASN: isi antrean dari penyelesaian lama, "
        "kirim ulang yang gagal, periksa perubahan, kirim yang jatuh tempo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backfill", action="store_true")
        parser.add_argument("--retry-failed", action="store_true")
        parser.add_argument("--check-changes", action="store_true")
        parser.add_argument("--send", action="store_true")
        parser.add_argument(
            "--until-empty",
            action="store_true",
            help="with --send: keep sending batches until nothing is due",
        )

    def handle(self, *args, **options):
        if not is_enabled():
            raise CommandError(
                "Sinkronisasi SIASN tidak aktif: SIGAP_SIASN_BASE_URL kosong "
                "(SIASN sync is off: SIGAP_SIASN_BASE_URL is empty)."
            )
        if options["backfill"]:
            added = siasn_sync.enqueue_completed()
            self.stdout.write(f"antrean: {added} penyelesaian ditambahkan")
        if options["retry_failed"]:
            count = siasn_sync.retry_failed()
            self.stdout.write(f"kirim ulang: {count} baris gagal dijadwalkan")
        if options["check_changes"]:
            count = siasn_sync.mark_changed()
            self.stdout.write(f"berubah setelah dikirim: {count}")
        if options["send"]:
            while True:
                run = siasn_sync.send_due()
                self.stdout.write(
                    f"terkirim {run.sent}, gagal {run.failed}, menunggu {run.waiting}"
                )
                for error in sorted(set(run.errors)):
                    self.stdout.write(f"  - {error}")
                if run.stopped_early:
                    self.stdout.write("SIASN terus gagal; pengiriman dihentikan.")
                    break
                if not options["until_empty"] or not (run.sent or run.failed):
                    break
