"""Quiz load benchmark: simulated learners autosave and submit against gunicorn +
PostgreSQL on 127.0.0.1, then every acknowledged answer is reconciled in SQL.

    python bench/quiz_load.py            # 200 learners × 30 questions
    python bench/quiz_load.py --short    # 50 learners × 10 answers, a few seconds

``main(argv)`` prints one markdown section (for bench/report.md) and returns 0
when every acknowledged answer is in the database exactly once, 1 otherwise.
Nothing leaves 127.0.0.1. The database is ``sigap_quizbench`` (recreated) unless
``--database-url`` says otherwise. The cache is the database, unless
``--redis-url`` (or ``QUIZ_BENCH_REDIS_URL``) names a Redis database of the
benchmark's own, emptied first: then sessions and the per-person and
published-content caches live in Redis, as in production (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/sigap_quizbench"
QUESTION_TYPES = ["single", "multiple", "true_false", "short"]


# --- fixtures (run in a child process with Django configured) -------------------


def build_fixtures(learners: int, questions: int) -> dict:
    """A course with a 30-question quiz and ``learners`` enrolled, signed-in
    learners. Returns the quiz id and one session key per learner."""
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from courses.models import Enrolment
    from lms.accounts.models import User
    from tests.factories import (
        AsnProfileFactory,
        make_course,
        make_org_unit,
        make_question,
        make_quiz,
        make_site_tree,
    )

    catalog = make_site_tree()
    course = make_course(catalog, lessons=2, title="Kursus beban")
    bank = [
        make_question(course, QUESTION_TYPES[i % len(QUESTION_TYPES)])
        for i in range(questions)
    ]
    quiz = make_quiz(
        course,
        bank,
        shuffle_questions=True,
        shuffle_choices=True,
        time_limit_minutes=60,
        questions_per_page=5,
    )
    unit = make_org_unit("Unit Beban", code="BEBAN")
    now = timezone.now()
    users = User.objects.bulk_create(
        User(
            email=f"beban{i:04d}@bench.test",
            name=f"Peserta {i}",
            password="!",
            privacy_notice_shown_at=now,
        )
        for i in range(learners)
    )
    users = list(User.objects.filter(email__endswith="@bench.test").order_by("pk"))
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    sessions = []
    for user in users:
        AsnProfileFactory(user=user, unit=unit)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "lms.accounts.backends.CachedModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    Enrolment.objects.bulk_create(Enrolment(user=u, course=course) for u in users)
    return {
        "quiz_id": quiz.pk,
        "sessions": sessions,
        "session_cookie": settings.SESSION_COOKIE_NAME,
    }


# --- the load --------------------------------------------------------------------


@dataclass
class Stats:
    autosave: list[float] = field(default_factory=list)
    submit: list[float] = field(default_factory=list)
    page: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    # (attempt, position) -> (seq, expected stored answer)
    acknowledged: dict[tuple[int, int], tuple[int, object]] = field(
        default_factory=dict
    )
    acks: int = 0
    retries: int = 0
    resent: int = 0  # sent again after the server closed a kept-alive connection

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


FIELDSET = re.compile(
    r'<fieldset class="question" id="soal-\d+" data-pos="(\d+)">(.*?)</fieldset>', re.S
)
CHOICE = re.compile(r'type="(radio|checkbox)" name="(q\d+)" value="([^"]+)"')
TEXT = re.compile(r'type="text" id="[^"]*" name="(q\d+)"')


def parse_questions(html: str) -> list[dict]:
    found = []
    for pos, body in FIELDSET.findall(html):
        choices = CHOICE.findall(body)
        text = TEXT.findall(body)
        if choices:
            kind = "multiple" if choices[0][0] == "checkbox" else "single"
            found.append(
                {"pos": int(pos), "kind": kind, "keys": [c[2] for c in choices]}
            )
        elif text:
            found.append({"pos": int(pos), "kind": "short", "keys": []})
    return found


def random_answer(question: dict, rng: random.Random):
    """Form fields for a random answer and the value the server should store."""
    name = f"q{question['pos']}"
    if question["kind"] == "single":
        key = rng.choice(question["keys"])
        return [(name, key)], key
    if question["kind"] == "multiple":
        picked = [k for k in question["keys"] if rng.random() < 0.5] or [
            question["keys"][0]
        ]
        return [(name, k) for k in picked], picked
    text = rng.choice(["pelayanan publik", "Layanan  Publik ", "tidak tahu", "OODA"])
    return [(name, text)], text.strip()


async def timed(stats_list: list[float], coro):
    began = time.perf_counter()
    result = await coro
    stats_list.append((time.perf_counter() - began) * 1000)
    return result


async def learner(
    http, base: str, quiz_id: int, cookie: str, csrf: str, stats: Stats, args, rng
):
    import aiohttp

    headers = {"Cookie": cookie, "X-Requested-With": "fetch"}
    await asyncio.sleep(rng.uniform(0, args.ramp))

    async def post(url, fields, allow_redirects=False):
        # A kept-alive connection the server closed after its keep-alive seconds
        # (a learner's think time can be longer) fails before the request reaches
        # it (disconnected, or reset); a browser sends such a request again on a
        # new connection, once.
        for resend in (True, False):
            form = aiohttp.FormData()
            form.add_field("csrfmiddlewaretoken", csrf)
            for name, value in fields:
                form.add_field(name, value)
            try:
                async with http.post(
                    url, data=form, headers=headers, allow_redirects=allow_redirects
                ) as response:
                    body = await response.read()
                    return response.status, response.headers.get("Location", ""), body
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                if not resend:
                    raise
                stats.resent += 1

    status, location, _ = await timed(
        stats.start, post(f"{base}/kuis/{quiz_id}/mulai/", [])
    )
    match = re.search(r"/kuis/percobaan/(\d+)/", location)
    if status != 302 or not match:
        stats.error(f"start {status}")
        return
    attempt_id = int(match.group(1))
    questions = []
    page = 1
    while True:

        async def get_page(number=page):
            async with http.get(
                f"{base}/kuis/percobaan/{attempt_id}/?hal={number}", headers=headers
            ) as response:
                return response.status, await response.text()

        status, html = await timed(stats.page, get_page())
        if status != 200:
            stats.error(f"page {status}")
            return
        found = parse_questions(html)
        questions.extend(found)
        if f"?hal={page + 1}" not in html or len(questions) >= 200:
            break
        page += 1
    rng.shuffle(questions)
    answers = questions[: args.answers] if args.answers else questions
    seq = int(time.time() * 1000)
    for question in answers + rng.sample(answers, max(1, len(answers) // 10)):
        await asyncio.sleep(rng.uniform(*args.think))
        fields, stored = random_answer(question, rng)
        seq += 1
        body = [("pos", str(question["pos"])), ("seq", str(seq)), *fields]
        for attempt_no in range(4):  # the page's retry, compressed
            try:
                status, _, payload = await timed(
                    stats.autosave,
                    post(f"{base}/kuis/percobaan/{attempt_id}/simpan/", body),
                )
            except (TimeoutError, aiohttp.ClientError):
                status, payload = 0, b""
            if status == 200 and json.loads(payload).get("saved"):
                stats.acks += 1
                key = (attempt_id, question["pos"])
                if key not in stats.acknowledged or stats.acknowledged[key][0] < seq:
                    stats.acknowledged[key] = (seq, stored)
                break
            stats.retries += 1
            stats.error(f"autosave {status}")
            await asyncio.sleep(0.5 * 2**attempt_no)
    await asyncio.sleep(rng.uniform(*args.think))
    submit_url = f"{base}/kuis/percobaan/{attempt_id}/kumpulkan/"
    if rng.random() < args.double_submit:
        results = await asyncio.gather(
            timed(stats.submit, post(submit_url, [])),
            timed(stats.submit, post(submit_url, [])),
        )
    else:
        results = [await timed(stats.submit, post(submit_url, []))]
    for status, location, _ in results:
        if status != 302 or "/hasil/" not in location:
            stats.error(f"submit {status}")


async def run_load(base: str, fixtures: dict, args) -> tuple[Stats, float]:
    import aiohttp

    stats = Stats()
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    csrf = "".join(secrets.choice(alphabet) for _ in range(32))
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    began = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        rng = random.Random(args.seed)
        await asyncio.gather(
            *(
                learner(
                    http,
                    base,
                    fixtures["quiz_id"],
                    f"{fixtures['session_cookie']}={session}; csrftoken={csrf}",
                    csrf,
                    stats,
                    args,
                    random.Random(rng.random()),
                )
                for session in fixtures["sessions"]
            )
        )
    return stats, time.perf_counter() - began


# --- reconciliation --------------------------------------------------------------


def reconcile(database_url: str, stats: Stats, learners: int) -> dict:
    """Every acknowledged answer is stored, exactly once, as the latest one sent."""
    import psycopg

    attempts = sorted({a for a, _ in stats.acknowledged})
    with psycopg.connect(database_url) as db:
        rows = db.execute(
            "SELECT attempt_id, position, answer, client_seq, credit IS NOT NULL "
            "FROM quizzes_response WHERE attempt_id = ANY(%s)",
            (attempts,),
        ).fetchall()
        duplicates = db.execute(
            "SELECT count(*) FROM (SELECT attempt_id, position FROM quizzes_response "
            "GROUP BY attempt_id, position HAVING count(*) > 1) d"
        ).fetchone()[0]
        per_learner = db.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = 'submitted'), "
            "count(DISTINCT user_id) FROM quizzes_attempt"
        ).fetchone()
    stored = {(a, p): (answer, seq, graded) for a, p, answer, seq, graded in rows}
    missing = wrong = ungraded = 0
    for key, (seq, expected) in stats.acknowledged.items():
        if key not in stored:
            missing += 1
            continue
        answer, stored_seq, graded = stored[key]
        if answer != expected or stored_seq != seq:
            wrong += 1
        if not graded:
            ungraded += 1
    return {
        "acknowledged": len(stats.acknowledged),
        "missing": missing,
        "wrong": wrong,
        "ungraded": ungraded,
        "duplicates": duplicates,
        "attempts": per_learner[0],
        "submitted": per_learner[1],
        "learners_with_attempt": per_learner[2],
        "learners": learners,
    }


# --- orchestration ---------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, port: int, redis_url: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="bench-" + secrets.token_hex(16),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        SITE_URL=f"http://127.0.0.1:{port}",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(REPO),
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def empty_redis(redis_url: str) -> None:
    """The benchmark's Redis database starts empty, as its PostgreSQL database does
    (entries of an earlier run would describe rows that no longer exist)."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def recreate_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    if not re.fullmatch(r"sigap_[a-z0-9_]+", name) or name == "sigap":
        raise SystemExit(f"refusing to recreate database {name!r}")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"{template_clause()}')


def template_clause() -> str:
    """`` TEMPLATE "x"`` when ``SIGAP_DB_TEMPLATE`` names a migrated PostgreSQL
    database to copy (CI migrates one once; ``migrate`` then finds nothing to do
    in the copy), else nothing: the new database is empty."""
    template = os.environ.get("SIGAP_DB_TEMPLATE", "")
    if not re.fullmatch(r"[a-z0-9_]+", template):
        return ""
    return f' TEMPLATE "{template}"'


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True, timeout=600
    )


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def markdown(args, stats: Stats, seconds: float, check: dict) -> str:
    def row(name, values):
        return (
            f"| {name} | {len(values)} | {percentile(values, 0.5):.0f} | "
            f"{percentile(values, 0.95):.0f} | {percentile(values, 0.99):.0f} | "
            f"{max(values, default=float('nan')):.0f} |"
        )

    ok = not (check["missing"] or check["wrong"] or check["duplicates"])
    requests = len(stats.autosave) + len(stats.submit) + len(stats.page)
    requests += len(stats.start)
    p95 = percentile(stats.autosave, 0.95)
    p95_submit = percentile(stats.submit, 0.95)
    target = "met" if p95 <= 150 and p95_submit <= 150 else "NOT met"
    lines = [
        "## Quiz autosave and submit under load",
        "",
        f"{args.learners} simulated learners at once against gunicorn "
        f"({args.workers} workers × {args.threads} threads) and PostgreSQL on "
        f"127.0.0.1 ({'Redis' if args.redis_url else 'the database'} as the cache "
        "and session store), load generator on the same machine "
        f"({os.cpu_count()} cores). "
        f"Each learner starts a {args.questions}-question attempt, reads its pages, "
        f"autosaves {args.answers or args.questions} answers (plus ~10 % changed "
        f"answers) with {args.think[0]}–{args.think[1]} s think time, then submits "
        f"({int(args.double_submit * 100)} % double-submit two requests at once).",
        "",
        "| request | n | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        row("autosave", stats.autosave),
        row("submit", stats.submit),
        row("page (GET)", stats.page),
        row("start", stats.start),
        "",
        f"- {requests} requests in {seconds:.1f} s ({requests / seconds:.0f} req/s); "
        f"errors: {stats.errors or 'none'}; retried saves: {stats.retries}; "
        f"sent again on a new connection (the server had closed the kept-alive "
        f"one): {stats.resent}.",
        f"- Target p95 ≤ 150 ms for autosave and submit: **{target}** "
        f"(autosave p95 {p95:.0f} ms, submit p95 {p95_submit:.0f} ms).",
        f"- Reconciliation in SQL: {check['acknowledged']} acknowledged answers "
        f"(latest per question); missing {check['missing']}, different "
        f"{check['wrong']}, duplicated rows {check['duplicates']}, not graded "
        f"{check['ungraded']}; {check['attempts']} attempts for "
        f"{check['learners_with_attempt']} of {check['learners']} learners, "
        f"{check['submitted']} submitted. **{'PASS' if ok else 'FAIL'}**.",
        "",
    ]
    return "\n".join(lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="small, quick run")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--answers", type=int, default=0, help="0 = every question")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 4.0))
    parser.add_argument("--ramp", type=float, default=10.0)
    parser.add_argument("--double-submit", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--database-url", default=os.environ.get("QUIZ_BENCH_DATABASE_URL", DEFAULT_DB)
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("QUIZ_BENCH_REDIS_URL", ""),
        help="a Redis database of the benchmark's own (emptied); default: no Redis",
    )
    parser.add_argument("--fixtures", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.short:
        args.learners, args.answers = min(args.learners, 50), 10
        args.think, args.ramp = (0.3, 1.0), 3.0
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.fixtures:  # child process: Django configured from the environment
        sys.path.insert(0, str(REPO))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
        print(json.dumps(build_fixtures(args.learners, args.questions)))
        return 0
    port = free_port()
    env = server_env(args.database_url, port, args.redis_url)
    recreate_database(args.database_url)
    if args.redis_url:
        empty_redis(args.redis_url)
    manage(env, "migrate", "--noinput", "-v0")
    if not (REPO / "staticfiles" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "-v0")
    made = subprocess.run(
        [
            PYTHON,
            __file__,
            "--fixtures",
            f"--learners={args.learners}",
            f"--questions={args.questions}",
        ],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    fixtures = json.loads(made.stdout.strip().splitlines()[-1])
    gunicorn = Path(PYTHON).parent / "gunicorn"
    server = subprocess.Popen(
        [
            str(gunicorn),
            "lms.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
            "--worker-class=gthread",
            "--backlog=2048",
            "--log-level=warning",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/robots.txt", timeout=2):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        stats, seconds = asyncio.run(run_load(base, fixtures, args))
    finally:
        server.terminate()
        server.wait(timeout=30)
    check = reconcile(args.database_url, stats, args.learners)
    print(markdown(args, stats, seconds, check))
    failed = check["missing"] or check["wrong"] or check["duplicates"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
