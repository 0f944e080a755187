"""HR benchmark: dashboard server time and the national CSV export at scale.

Generates (once) the load data of ``generate_load_data`` — 100,000 learners and
1,000,000 completions (``--short``: 10,000 and 100,000) — then, in this process
(which is the serving process: requests go through Django's full stack via the
test client, no network):

- the HR dashboard for an officer whose scope holds every generated learner
  (the current year, and one unit), median of several requests;
- the riwayat kursus CSV of every completion (all years): time to the first
  byte, total time, and the growth of this process's resident memory while the
  response streams.

Prints a markdown section. Targets (issue 6): dashboard ≤ 500 ms; CSV of 1,000,000
rows first byte ≤ 1 s, total ≤ 20 s, memory growth ≤ 100 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

FULL = (100_000, 1_000_000)
SHORT = (10_000, 100_000)


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def ensure_load_data(learners: int, completions: int) -> str:
    from django.core.management import call_command

    from courses.models import Enrolment
    from lms.accounts.models import User
    from lms.hr.management.commands.generate_load_data import EMAIL_DOMAIN

    have = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count() - 1
    done = Enrolment.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").count()
    if have == learners and done == completions:
        return "reused"
    if have > 0:
        call_command("generate_load_data", clear=True, stdout=open(os.devnull, "w"))
    started = time.monotonic()
    call_command(
        "generate_load_data",
        learners=learners,
        completions=completions,
        stdout=open(os.devnull, "w"),
    )
    return f"generated in {time.monotonic() - started:.0f} s"


def time_get(client, url: str, params: dict, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return timings


def measure_csv(client, url: str, params: dict) -> dict:
    import gc

    gc.collect()
    before = rss_mb()
    peak = before
    started = time.perf_counter()
    response = client.get(url, params)
    first = None
    rows = 0
    size = 0
    for index, chunk in enumerate(response.streaming_content):
        if first is None:
            first = time.perf_counter() - started
        rows += chunk.count(b"\n")
        size += len(chunk)
        if index % 50 == 0:
            peak = max(peak, rss_mb())
    total = time.perf_counter() - started
    response.close()
    peak = max(peak, rss_mb())
    return {
        "first_byte_s": first or total,
        "total_s": total,
        "rows": rows - 1,
        "mb": size / 1024 / 1024,
        "growth_mb": peak - before,
    }


def _give_mfa(user) -> None:
    """Staff must have MFA before /hr/; the benchmark's officer has an authenticator."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true")
    args = parser.parse_args(argv)
    learners, completions = SHORT if args.short else FULL

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from lms.accounts.models import OrgUnit, User
    from lms.hr.management.commands.generate_load_data import OFFICER_EMAIL, ROOT_CODE

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    data_note = ensure_load_data(learners, completions)
    officer = User.objects.get(email=OFFICER_EMAIL)
    _give_mfa(officer)
    client = Client()
    client.force_login(officer)
    dashboard = reverse("hr:dashboard")
    year = timezone.localdate().year
    unit = OrgUnit.objects.get(code=f"{ROOT_CODE}-03")
    settings.SIGAP_HR_DASHBOARD_CACHE_SECONDS = 0  # cold: every figure computed
    time_get(client, dashboard, {}, 1)  # warm-up (templates, connections)
    runs = 3 if args.short else 5
    whole = time_get(client, dashboard, {"year": year}, runs)
    one_unit = time_get(client, dashboard, {"year": year, "unit": unit.pk}, runs)
    settings.SIGAP_HR_DASHBOARD_CACHE_SECONDS = 300  # as deployed: cached figures
    time_get(client, dashboard, {"year": year}, 1)
    cached = time_get(client, dashboard, {"year": year}, runs)
    csv = measure_csv(client, reverse("hr:export_riwayat_csv"), {"year": 0})

    def verdict(ok: bool) -> str:
        return "meets" if ok else "**misses**"

    dash_ms = statistics.median(whole)
    scale = completions / 1_000_000
    print(
        f"""## HR dashboard and national CSV export

{learners:,} learners and {completions:,} completion records under one instansi \
({connection.vendor}; load data {data_note}); an HR officer whose scope holds all \
of them. Measured in the serving process (Django test client, full middleware \
stack, no network). "Computed" is every aggregate from the database; "cached" is \
the page as deployed, with the figures cached for \
`SIGAP_HR_DASHBOARD_CACHE_SECONDS` (300 s).

| measurement | result | target |
| --- | ---: | --- |
| dashboard, whole scope, {year}, computed (median of {runs}) | {dash_ms:.0f} ms \
(max {max(whole):.0f}) | ≤ 500 ms: {verdict(dash_ms <= 500)} |
| dashboard, whole scope, cached figures (median of {runs}) | \
{statistics.median(cached):.0f} ms | ≤ 500 ms: \
{verdict(statistics.median(cached) <= 500)} |
| dashboard, one unit subtree, computed (median of {runs}) | \
{statistics.median(one_unit):.0f} ms | ≤ 500 ms: \
{verdict(statistics.median(one_unit) <= 500)} |
| riwayat kursus CSV, all years: rows | {csv["rows"]:,} ({csv["mb"]:.0f} MB) | |
| CSV first byte | {csv["first_byte_s"] * 1000:.0f} ms | ≤ 1 s: \
{verdict(csv["first_byte_s"] <= 1)} |
| CSV total | {csv["total_s"]:.1f} s | ≤ {20 * scale:.0f} s: \
{verdict(csv["total_s"] <= 20 * scale)} |
| memory growth while streaming | {csv["growth_mb"]:.1f} MB | ≤ 100 MB: \
{verdict(csv["growth_mb"] <= 100)} |
"""
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
