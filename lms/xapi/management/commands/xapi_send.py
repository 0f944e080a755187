"""Sending the xAPI outbox by hand (the scheduled task does it every minute).

    python manage.py xapi_send                   # send what is due now
    python manage.py xapi_send --until-empty     # … batch after batch
    python manage.py xapi_send --retry-failed    # failed statements due again first

Off (an error) while SIGAP_XAPI_LRS_URL is empty.
"""

from django.core.management.base import BaseCommand, CommandError

from lms.xapi.sending import send_due
from lms.xapi.services import is_enabled, retry_failed


class Command(BaseCommand):
    help = "Kirim pernyataan xAPI yang jatuh tempo ke LRS (send due xAPI statements)."

    def add_arguments(self, parser):
        parser.add_argument("--retry-failed", action="store_true")
        parser.add_argument("--until-empty", action="store_true")

    def handle(self, *args, **options):
        if not is_enabled():
            raise CommandError(
                "Pengiriman xAPI tidak aktif: SIGAP_XAPI_LRS_URL kosong "
                "(xAPI is off: SIGAP_XAPI_LRS_URL is empty)."
            )
        if options["retry_failed"]:
            count = retry_failed(by=None)
            self.stdout.write(f"kirim ulang: {count} pernyataan gagal dijadwalkan")
        while True:
            run = send_due()
            self.stdout.write(f"terkirim {run.sent}, gagal {run.failed}")
            for error in sorted(set(run.errors)):
                self.stdout.write(f"  - {error}")
            if run.stopped_early:
                self.stdout.write("LRS terus gagal; pengiriman dihentikan.")
                break
            if not options["until_empty"] or not (run.sent or run.failed):
                break
