"""`make bench` / `make bench-short`: Sigap's benchmarks, written to a markdown report.

1. A PostgreSQL database of its own (``sigap_bench``), migrated and seeded.
2. Database queries per lesson page in courses of 5 and of 200 lessons (must match).
3. gunicorn (``gunicorn.conf.py``, production settings) on 127.0.0.1, loaded by
   ``bench/loadgen.py`` with 50 concurrent connections: a signed-in learner's lesson
   page, and the minimal Django view ``/health/ping`` requested by the same signed-in
   learners from the same processes in the same run; the ratio of their throughput
   (target ≥ 0.4). The same view without a session is measured for comparison.
   Beside them, in alternating rounds, a minimal Django app (``bench/minimal_app``:
   ``startproject``'s middleware, one view, no Sigap code) served by a second
   gunicorn with the same ``gunicorn.conf.py``: the lesson page's ratio against it
   is comparable across projects (informational, no target). ``verify_page`` does
   the same for the verification page.
4. The other benchmarks, when present (``bench/<name>.py`` with ``main(argv)``
   printing a markdown section; ``--short`` in CI).

Every loop is bounded in time; nothing is sent anywhere but 127.0.0.1. The full run
writes ``bench/report.md``; ``--short`` writes ``bench/results/report-short.md``.
Exit status 1 when a correctness check fails (errors under load, query counts that
grow with the number of lessons, a benchmark script that crashed).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.loadgen import LoadResult, run_load  # noqa: E402
from bench.quiz_load import empty_redis, template_clause  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sigap_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/8"
OTHER_BENCHMARKS = [
    "quiz_load",
    "item_analysis",
    "certificate_render",
    "verify_page",
    "hr_bench",
    "programme_rules",
]
RATIO_TARGET = 0.4
CONCURRENCY = 50
ROUNDS = 4
MINIMAL_APP = "bench.minimal_app.wsgi"
MINIMAL_APP_MEANING = (
    "The minimal Django app is `startproject`'s project with one view and no Sigap "
    "code, served by the same gunicorn settings in the same run, so a page's ratio "
    "against it can be compared across projects (any Django project can measure "
    "it the same way); the ratio against Sigap's own `/health/ping` shows only "
    "what the page costs beyond Sigap's middleware."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "os": platform.platform(),
        "load_average": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
    }


def cpu_reference_ms() -> float:
    """Milliseconds for a fixed pure-Python workload (best of 5): how fast this
    machine runs Python right now. Shared machines vary from hour to hour and day to
    day; compare two reports' absolute figures only when this figure is alike."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i % 7
        best = min(best, time.perf_counter() - started)
    return best * 1000


def recreate_database(url: str) -> str:
    """Drop and create the benchmark database; return the server's version."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("sigap_bench"):
        raise SystemExit(f"refusing to recreate {name!r}: not a sigap_bench database")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"{template_clause()}')
        return conn.execute("SHOW server_version").fetchone()[0]


def bench_env(args, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.pop("SIGAP_TESTING", None)
    env.pop("DEBUG", None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        SECRET_KEY="benchmark-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    # The quiz benchmark with Redis as the cache and session store, as in
    # production (docs/scaling.md), in the next Redis database (it empties it).
    env.setdefault("QUIZ_BENCH_REDIS_URL", next_redis_database(args.redis_url))
    return env


def next_redis_database(url: str) -> str:
    """``redis://host:port/n`` → ``redis://host:port/n+1``; "" when not a Redis URL."""
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"}:
        return ""
    number = int(parts.path.lstrip("/") or 0)
    return parts._replace(path=f"/{number + 1}").geturl()


def start_gunicorn(
    env: dict,
    port: int,
    log: Path,
    *,
    app: str = "lms.wsgi",
    ready_path: str = "/health/ping",
) -> subprocess.Popen:
    """Serve ``app`` with ``gunicorn.conf.py`` on 127.0.0.1:``port``; return once it
    answers ``ready_path``."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with log.open("w") as handle:
        process = subprocess.Popen(
            [
                str(gunicorn),
                app,
                "-c",
                "gunicorn.conf.py",
                f"--bind=127.0.0.1:{port}",
            ],
            cwd=REPO,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited early; see {log}")
        try:
            with urllib.request.urlopen(  # noqa: S310 - loopback only
                f"http://127.0.0.1:{port}{ready_path}", timeout=2
            ):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"gunicorn did not answer in 60 s; see {log}")


def start_minimal_app(env: dict, port: int, log: Path) -> subprocess.Popen:
    """The minimal Django app under the same gunicorn settings as Sigap (the same
    environment, so the same worker and thread counts), on its own port."""
    return start_gunicorn(
        {**env, "DJANGO_SETTINGS_MODULE": "bench.minimal_app.settings"},
        port,
        log,
        app=MINIMAL_APP,
        ready_path="/",
    )


def stop_gunicorn(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def ratio(page: float, baseline: float) -> float:
    return page / baseline if baseline else 0.0


def baselines_table(rows: list[dict]) -> str:
    """One line per page: its req/s and its ratio against each baseline. A row is
    ``{"page", "rps", "ping_rps", "minimal_rps"}`` (requests per second)."""
    lines = [
        "| page | req/s | ratio to Sigap's `/health/ping` "
        "| ratio to the minimal Django app |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['rps']:.1f} "
            f"| {ratio(row['rps'], row['ping_rps']):.2f} "
            f"(ping {row['ping_rps']:.1f} req/s) "
            f"| {ratio(row['rps'], row['minimal_rps']):.2f} "
            f"(app {row['minimal_rps']:.1f} req/s) |"
        )
    return "\n".join(lines)


def run_other(name: str, env: dict, short: bool, timeout: int) -> tuple[str, bool]:
    """Run ``bench/<name>.py``'s ``main(argv)`` in its own process; return markdown."""
    argv = ["--short"] if short else []
    code = (
        f"import sys; from bench.{name} import main; result = main(sys.argv[1:]); "
        "sys.exit(result if isinstance(result, int) else 0)"
    )
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, *argv],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"## {name}\n\n**Stopped after {timeout} s (time limit).**\n", False
    took = time.monotonic() - started
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        return (
            f"## {name}\n\n**Failed (exit {done.returncode}) after {took:.0f} s.**\n\n"
            f"```\n{tail}\n```\n",
            False,
        )
    return done.stdout.strip() + f"\n\n_({name}: {took:.0f} s)_\n", True


def load_table(results: list[LoadResult]) -> str:
    rows = [
        "| scenario | concurrency | requests | req/s "
        "| p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        data = result.as_dict()
        rows.append(
            f"| {data['name']} | {data['concurrency']} | {data['requests']} "
            f"| {data['rps']} | {data['p50_ms']} | {data['p95_ms']} "
            f"| {data['p99_ms']} | {data['errors']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--short", action="store_true", help="CI mode: a few seconds each"
    )
    parser.add_argument("--seconds", type=float, help="seconds per load scenario")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    )
    parser.add_argument(
        "--only-core", action="store_true", help="skip the other benchmark scripts"
    )
    args = parser.parse_args(argv)
    seconds = args.seconds or (5.0 if args.short else 20.0)
    results_dir = REPO / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    report_path = (
        results_dir / "report-short.md" if args.short else REPO / "bench" / "report.md"
    )
    started = time.monotonic()
    cpu_at_start = cpu_reference_ms()
    failures: list[str] = []

    print(
        f"bench: recreating {urlsplit(args.database_url).path.lstrip('/')} …",
        flush=True,
    )
    pg_version = recreate_database(args.database_url)
    if args.redis_url:
        empty_redis(args.redis_url)
    port = _free_port()
    env = bench_env(args, port)
    print("bench: migrate, seed_demo, courses of 5 and 200 lessons …", flush=True)
    prepared = subprocess.run(
        [sys.executable, "bench/prepare.py"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if prepared.returncode != 0:
        print(prepared.stderr[-4000:], file=sys.stderr)
        raise SystemExit("bench: preparing the database failed")
    setup = json.loads(prepared.stdout.strip().splitlines()[-1])
    queries = setup["queries"]
    if queries["5"] != queries["200"]:
        failures.append(f"queries per lesson page grow with lessons: {queries}")

    log = results_dir / "gunicorn.log"
    server = start_gunicorn(env, port, log)
    base = f"http://127.0.0.1:{port}"
    minimal_port = _free_port()
    try:
        minimal_server = start_minimal_app(
            env, minimal_port, results_dir / "minimal-app-gunicorn.log"
        )
    except BaseException:
        stop_gunicorn(server)
        raise
    minimal_url = f"http://127.0.0.1:{minimal_port}/"
    try:
        print(f"bench: warm-up, then {seconds:.0f} s per scenario …", flush=True)
        for url in (f"{base}/health/ping", f"{base}{setup['lesson_url']}"):
            run_load("warm-up", url, concurrency=8, seconds=2, cookie=setup["cookie"])
        run_load("warm-up", minimal_url, concurrency=8, seconds=2)
        # Interleaved rounds: load from elsewhere on the machine drifts over time,
        # and alternating the scenarios lets all of them see the same drift.
        ping = LoadResult(
            "minimal Django view `/health/ping`, signed in", CONCURRENCY, 0.0
        )
        lesson = LoadResult("signed-in lesson page", CONCURRENCY, 0.0)
        anonymous = LoadResult(
            "minimal Django view `/health/ping`, anonymous", CONCURRENCY, 0.0
        )
        minimal = LoadResult(
            "minimal Django app (`bench/minimal_app`, own gunicorn), anonymous",
            CONCURRENCY,
            0.0,
        )
        for _ in range(ROUNDS):
            for total, url, cookie in (
                (ping, f"{base}/health/ping", setup["cookie"]),
                (lesson, f"{base}{setup['lesson_url']}", setup["cookie"]),
                (anonymous, f"{base}/health/ping", ""),
                (minimal, minimal_url, ""),
            ):
                part = run_load(
                    total.name,
                    url,
                    concurrency=CONCURRENCY,
                    seconds=seconds / ROUNDS,
                    cookie=cookie,
                )
                total.merge(part)
    finally:
        stop_gunicorn(server)
        stop_gunicorn(minimal_server)
    for result in (ping, lesson, anonymous, minimal):
        if result.errors or not result.requests:
            failures.append(f"{result.name}: {result.errors} errors, {result.statuses}")
    lesson_ratio = ratio(lesson.rps, ping.rps)
    anonymous_ratio = ratio(lesson.rps, anonymous.rps)
    minimal_ratio = ratio(lesson.rps, minimal.rps)
    print(
        load_table([ping, lesson, anonymous, minimal]),
        f"\nratio {lesson_ratio:.2f} (to the minimal Django app {minimal_ratio:.2f}); "
        f"queries {queries}",
        flush=True,
    )
    baselines = [
        {
            "page": "signed-in lesson page",
            "rps": lesson.rps,
            "ping_rps": ping.rps,
            "minimal_rps": minimal.rps,
        }
    ]

    others: list[str] = []
    # verify_page writes its figures here for the table of baselines.
    verify_figures = results_dir / "verify_page.json"
    verify_figures.unlink(missing_ok=True)
    if not args.only_core:
        for name in OTHER_BENCHMARKS:
            if not (REPO / "bench" / f"{name}.py").exists():
                others.append(f"## {name}\n\n_Not on main yet (bench/{name}.py)._\n")
                continue
            print(f"bench: {name} …", flush=True)
            text, ok = run_other(name, env, args.short, 300 if args.short else 1800)
            others.append(text)
            if not ok:
                failures.append(f"bench/{name}.py failed")

    if verify_figures.exists():
        baselines.append(json.loads(verify_figures.read_text()))

    info = machine()
    now = datetime.datetime.now(datetime.UTC)
    verdict = "meets" if lesson_ratio >= RATIO_TARGET else "**misses**"
    query_verdict = (
        "Equal: the page does not grow with the course."
        if queries["5"] == queries["200"]
        else "**Not equal.**"
    )
    report = f"""# Sigap benchmark report

- date: {now:%Y-%m-%d %H:%M} UTC; mode: {"short (CI)" if args.short else "full"}; \
{seconds:.0f} s per load scenario in {ROUNDS} alternating rounds after a 2 s warm-up; \
total run {time.monotonic() - started:.0f} s
- machine: {info["cores"]} cores ({info["cpu"]}), {info["memory"]} RAM; \
Python {info["python"]}; PostgreSQL {pg_version}; Redis for cache and sessions; \
load average at the end {info["load_average"]} (1/5/15 min; shared machine)
- CPU speed check: a fixed pure-Python loop (`cpu_reference_ms` in `bench/run.py`) \
took {cpu_at_start:.0f} ms before the run and {cpu_reference_ms():.0f} ms after it; \
the machine is shared and its speed varies by the hour, so compare the absolute \
figures of two reports only where this check is alike (the ratios carry over better)
- server: `gunicorn lms.wsgi -c gunicorn.conf.py` (gthread, workers = cores, \
4 threads each), production settings (DEBUG off; static files from the source \
folders, see `bench/settings.py`); load generator `bench/loadgen.py` (asyncio, \
keep-alive) on the same machine, 127.0.0.1 only. The minimal Django app \
(`gunicorn bench.minimal_app.wsgi -c gunicorn.conf.py`) runs beside it, same \
settings file and environment, on another port.

## Pages against two baselines

{baselines_table(baselines)}

{MINIMAL_APP_MEANING} Both ratios come from alternating rounds in the same run; \
the one to the minimal Django app is for information (no target).

## Lesson page under load

A signed-in learner's lesson page (“{setup["lesson_title"]}”, a real demo lesson) and \
the minimal Django view `/health/ping` (full middleware stack, no database) requested \
by the same signed-in learners (the same session cookie: Sigap's middleware loads the \
session and the signed-in user on every request, so this is the cheapest request a \
signed-in learner can make), same gunicorn, same run, {CONCURRENCY} concurrent \
connections each. For comparison, the same view requested without a session, and \
the minimal Django app (`bench/minimal_app`, no session).

{load_table([ping, lesson, anonymous, minimal])}

**Ratio lesson page / minimal view `/health/ping` (signed in): \
{lesson_ratio:.2f}** (target ≥ {RATIO_TARGET}: {verdict}).
Against the anonymous `/health/ping`, which loads no session: {anonymous_ratio:.2f}.

**Ratio lesson page / minimal Django app: {minimal_ratio:.2f}** (no target; \
comparable across projects, see above).

## Database queries per lesson page

| lessons | queries, caches warm | queries, after the learner's records changed |
| ---: | ---: | ---: |
| 5 | {queries["5"]["warm"]} | {queries["5"]["after a change"]} |
| 200 | {queries["200"]["warm"]} | {queries["200"]["after a change"]} |

The published course (pages, outline, lesson body) and the learner's own standing
(who they are, their enrolment, lessons done, quiz attempts) come from Redis; a
learner's standing is rebuilt after they (or HR, or a regrade) change their records.

{query_verdict}

{chr(10).join(others)}
"""
    if failures:
        report += (
            "\n## Failed checks\n\n" + "\n".join(f"- {f}" for f in failures) + "\n"
        )
    report_path.write_text(report)
    (results_dir / "latest.json").write_text(
        json.dumps(
            {
                "date": now.isoformat(),
                "short": args.short,
                "machine": info,
                "ping": ping.as_dict(),
                "anonymous_ping": anonymous.as_dict(),
                "lesson": lesson.as_dict(),
                "minimal_app": minimal.as_dict(),
                "ratio": round(lesson_ratio, 3),
                "ratio_to_minimal_app": round(minimal_ratio, 3),
                "baselines": baselines,
                "queries": queries,
                "failures": failures,
            },
            indent=2,
        )
    )
    print(report)
    print(f"bench: report written to {report_path.relative_to(REPO)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
