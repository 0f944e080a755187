"""Enqueue the registered periodic tasks when they are due, until stopped."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from lms.scheduler import PERIODIC_TASKS


class Command(BaseCommand):
    help = "Menjadwalkan tugas berkala (batas waktu tes, pengingat, retensi data)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Enqueue every task once, then stop."
        )
        parser.add_argument(
            "--tick", type=float, default=10.0, help="Seconds between checks."
        )

    def handle(self, *args, once: bool, tick: float, **options):
        autodiscover_modules("tasks")
        last_run: dict[int, object] = {}
        while True:
            now = timezone.now()
            for index, entry in enumerate(PERIODIC_TASKS):
                previous = last_run.get(index)
                if once or previous is None or now - previous >= entry.every:
                    entry.task.enqueue()
                    last_run[index] = now
            if once:
                self.stdout.write(f"{len(PERIODIC_TASKS)} tugas berkala dijadwalkan.")
                return
            time.sleep(tick)
