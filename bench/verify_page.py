"""Verification page benchmark: `/v/<code>` under load against a minimal Django view.

Both are served by the same gunicorn (``gunicorn.conf.py``, production settings,
Redis cache) in the same run and loaded by ``bench/loadgen.py`` (keep-alive,
127.0.0.1 only): the public page a QR code opens, and ``/health/ping`` (the full
middleware stack, no database). Reports p50 and requests per second of each and
the ratio of their throughput (target ≥ 0.5), plus the database queries one
verification request makes (target: 1), counted in-process. Beside them, in the same
alternating rounds, the minimal Django app (``bench/minimal_app``) under the same
gunicorn settings: the page's ratio against it is comparable across projects
(informational, no target).

The verification rate limit is raised for the run (one client IP sends everything).
``main(argv)`` prints a markdown section (``bench/run.py`` calls it) and writes the
figures to ``bench/results/verify_page.json`` for the report's table of baselines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

RATIO_TARGET = 0.5
CONCURRENCY = 50
ROUNDS = 4
LEARNER = "peserta@sigap.test"


def _certificate_code() -> str:
    """The demo learner's certificate (issued here if the demo has none yet)."""
    from certificates.models import Certificate
    from certificates.services import issue_certificate
    from courses.models import CoursePage
    from courses.services import complete_enrolment, enrol
    from lms.accounts.models import User

    existing = Certificate.objects.valid().exclude(pdf="").first()
    if existing is not None:
        return existing.code
    learner = User.objects.get(email=LEARNER)
    course = CoursePage.objects.live().order_by("path").first()
    enrolment, _created = enrol(user=learner, course=course)
    return issue_certificate(enrolment=complete_enrolment(enrolment=enrolment)).code


def _queries_per_request(code: str) -> tuple[int, int, int]:
    """Queries of a request that renders the page (its cached copy forgotten
    first) and of the next one, served from the cache; and the HTTP status."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from certificates.models import Certificate
    from certificates.verification import forget_pages

    client = Client()
    client.get(f"/v/{code}")  # warm caches (Wagtail site root, etc.)
    forget_pages(instance=Certificate(code=code))
    with CaptureQueriesContext(connection) as rendered:
        client.get(f"/v/{code}")
    with CaptureQueriesContext(connection) as cached:
        response = client.get(f"/v/{code}")
    return len(rendered), len(cached), response.status_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI mode")
    parser.add_argument("--seconds", type=float)
    args = parser.parse_args(argv)
    seconds = args.seconds or (4.0 if args.short else 15.0)
    os.environ["SIGAP_VERIFY_RATE_LIMIT"] = "100000000/m"

    import django

    django.setup()
    from django.conf import settings

    from bench.loadgen import LoadResult, run_load
    from bench.run import (
        MINIMAL_APP_MEANING,
        _free_port,
        ratio,
        start_gunicorn,
        start_minimal_app,
        stop_gunicorn,
    )

    code = _certificate_code()
    queries, cached_queries, status = _queries_per_request(code)
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]

    port = _free_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}"}
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    server = start_gunicorn(env, port, results / "verify-gunicorn.log")
    base = f"http://127.0.0.1:{port}"
    minimal_port = _free_port()
    try:
        minimal_server = start_minimal_app(
            env, minimal_port, results / "verify-minimal-app-gunicorn.log"
        )
    except BaseException:
        stop_gunicorn(server)
        raise
    minimal_url = f"http://127.0.0.1:{minimal_port}/"
    try:
        for url in (f"{base}/health/ping", f"{base}/v/{code}", minimal_url):
            run_load("warm-up", url, concurrency=8, seconds=2)
        # Alternating rounds, as in bench/run.py: all scenarios see the same drift
        # in the load from elsewhere on the machine.
        ping = LoadResult("minimal Django view `/health/ping`", CONCURRENCY, 0.0)
        verify = LoadResult("verification page `/v/<code>`", CONCURRENCY, 0.0)
        minimal = LoadResult(
            "minimal Django app (`bench/minimal_app`, own gunicorn)", CONCURRENCY, 0.0
        )
        for _ in range(ROUNDS):
            for total, url in (
                (ping, f"{base}/health/ping"),
                (verify, f"{base}/v/{code}"),
                (minimal, minimal_url),
            ):
                total.merge(
                    run_load(
                        total.name,
                        url,
                        concurrency=CONCURRENCY,
                        seconds=seconds / ROUNDS,
                    )
                )
    finally:
        stop_gunicorn(server)
        stop_gunicorn(minimal_server)

    ping_ratio = ratio(verify.rps, ping.rps)
    minimal_ratio = ratio(verify.rps, minimal.rps)
    rows = [
        "| scenario | requests | req/s | p50 ms | p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in (ping, verify, minimal):
        data = result.as_dict()
        rows.append(
            f"| {data['name']} | {data['requests']} | {data['rps']} "
            f"| {data['p50_ms']} | {data['p95_ms']} | {data['errors']} |"
        )
    failed = bool(
        verify.errors
        or ping.errors
        or minimal.errors
        or status != 200
        or queries != 1
        or cached_queries
    )
    (results / "verify_page.json").write_text(
        json.dumps(
            {
                "page": "verification page `/v/<code>`",
                "rps": verify.rps,
                "ping_rps": ping.rps,
                "minimal_rps": minimal.rps,
            }
        )
    )
    print(
        "\n".join(
            [
                "## Verification page under load",
                "",
                f"Anonymous `GET /v/<code>` (the page a QR code opens) and "
                f"`/health/ping`, same gunicorn, same run, {CONCURRENCY} concurrent "
                f"connections, {seconds:.0f} s each in {ROUNDS} alternating rounds; "
                f"cache: {cache}. The minimal Django app (`bench/minimal_app`) in "
                "the same rounds, served by a second gunicorn with the same "
                "settings.",
                "",
                *rows,
                "",
                "**Ratio verification page / minimal view `/health/ping`: "
                f"{ping_ratio:.2f}** (target ≥ {RATIO_TARGET}: "
                f"{'meets' if ping_ratio >= RATIO_TARGET else '**misses**'}).",
                "",
                "**Ratio verification page / minimal Django app: "
                f"{minimal_ratio:.2f}** (no target). {MINIMAL_APP_MEANING}",
                "",
                f"Database queries per verification request: **{queries}** when "
                f"the page is rendered, **{cached_queries}** when an anonymous "
                f"visitor's page comes from the cache (target 1; HTTP {status}). "
                "Responses carry `Cache-Control: public, max-age=300`, so a CDN "
                "can absorb scans too.",
            ]
        )
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
