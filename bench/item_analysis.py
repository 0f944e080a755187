"""Item-analysis benchmark: the trainer's quiz report for 10,000 closed attempts
of a 30-question quiz (300,000 responses) on PostgreSQL.

    python bench/item_analysis.py            # 10,000 attempts
    python bench/item_analysis.py --short    # 2,000 attempts

``main(argv)`` prints one markdown section and returns 0 when the whole report
page renders in under one second (median of the timed runs), 1 otherwise.
The database is ``sigap_itembench`` (recreated) unless ``--database-url`` says
otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/sigap_itembench"
QUESTIONS = 30
TARGET_MS = 1000


def build(attempts: int) -> tuple[int, int]:
    """A quiz, its trainer, and ``attempts`` graded attempts written in bulk SQL."""
    import random

    from allauth.mfa.models import Authenticator
    from django.db import connection
    from django.utils import timezone

    from courses.quizzes.models import Attempt, QuizPage
    from lms.accounts.models import User
    from tests.factories import (
        UserFactory,
        make_course,
        make_question,
        make_quiz,
        make_site_tree,
    )

    trainer = UserFactory(roles=["Pengajar"], password="!")
    # Staff must use MFA; the trainer here has an authenticator like any real one.
    Authenticator.objects.get_or_create(
        user=trainer, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    course = make_course(make_site_tree(), lessons=1, trainer=trainer)
    bank = [
        make_question(
            course,
            "single",
            choices=[(f"Pilihan {c} soal {i}", c == 0) for c in range(4)],
        )
        for i in range(QUESTIONS)
    ]
    quiz: QuizPage = make_quiz(course, bank)
    per_user = 5
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"butir{i:05d}@bench.test", name=f"P{i}", password="!")
        for i in range(attempts // per_user)
    )
    users = list(User.objects.filter(email__endswith="@bench.test").order_by("pk"))
    Attempt.objects.bulk_create(
        (
            Attempt(
                quiz=quiz,
                user=user,
                number=n,
                status=Attempt.Status.SUBMITTED,
                started_at=now,
                closed_at=now,
                snapshot=[],
                max_score=QUESTIONS,
                pass_mark=70,
            )
            for user in users
            for n in range(1, per_user + 1)
        ),
        batch_size=2000,
    )
    rng = random.Random(7)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_q (pos int, qid bigint, shift float, "
            "correct bigint, wrong bigint[])"
        )
        for pos, question in enumerate(bank, start=1):
            choices = list(question.choices.order_by("sort_order"))
            cursor.execute(
                "INSERT INTO bench_q VALUES (%s, %s, %s, %s, %s)",
                [
                    pos,
                    question.pk,
                    rng.uniform(-0.4, 0.4) if pos % 10 else -0.6,
                    choices[0].pk,
                    [c.pk for c in choices[1:]],
                ],
            )
        cursor.execute(
            "INSERT INTO quizzes_response (attempt_id, quiz_id, position, question_id,"
            " answer, saved_at, client_seq, credit, score) "
            "SELECT a.id, a.quiz_id, q.pos, q.qid, '\"1\"'::jsonb, now(), 0, c.v, c.v "
            "FROM quizzes_attempt a CROSS JOIN bench_q q "
            "CROSS JOIN LATERAL (SELECT CASE WHEN random() < least(0.97, greatest("
            "0.03, (a.id %% 97) / 97.0 + q.shift)) THEN 1.0 ELSE 0.0 END AS v) c "
            "WHERE a.quiz_id = %s",
            [quiz.pk],
        )
        cursor.execute(
            "UPDATE quizzes_attempt a SET score = s.total, "
            "percent = round((100 * s.total / %s)::numeric, 2), "
            "passed = 100 * s.total / %s >= 70 FROM (SELECT attempt_id, "
            "sum(credit) AS total FROM quizzes_response WHERE quiz_id = %s "
            "GROUP BY attempt_id) s WHERE a.id = s.attempt_id",
            [QUESTIONS, QUESTIONS, quiz.pk],
        )
        cursor.execute(
            "UPDATE quizzes_response r SET attempt_percent = a.percent "
            "FROM quizzes_attempt a WHERE r.attempt_id = a.id AND r.quiz_id = %s",
            [quiz.pk],
        )
        cursor.execute(
            "INSERT INTO quizzes_choicepick (response_id, quiz_id, question_id, option)"
            " SELECT r.id, r.quiz_id, r.question_id, 'c' || CASE WHEN r.credit = 1 "
            "THEN q.correct ELSE q.wrong[1 + floor(random() * 3)::int] END "
            "FROM quizzes_response r JOIN bench_q q ON q.qid = r.question_id "
            "WHERE r.quiz_id = %s",
            [quiz.pk],
        )
        cursor.execute("ANALYZE")
    return quiz.pk, trainer.pk


def time_report(quiz_id: int, trainer_id: int, runs: int) -> dict:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from courses.quizzes.models import QuizPage
    from courses.quizzes.reports import item_analysis, quiz_summary
    from lms.accounts.models import User

    quiz = QuizPage.objects.get(pk=quiz_id)
    client = Client()
    client.force_login(User.objects.get(pk=trainer_id))
    url = reverse("quizzes:report", args=[quiz_id])
    client.get(url)  # warm caches and connections, as a second visitor would
    service, page = [], []
    for _ in range(runs):
        began = time.perf_counter()
        quiz_summary(quiz=quiz)
        rows = item_analysis(quiz=quiz)
        service.append((time.perf_counter() - began) * 1000)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            page.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    return {
        "service": service,
        "page": page,
        "queries": len(queries),
        "rows": len(rows),
        "bytes": len(response.content),
    }


def markdown(args, figures: dict, counts: dict, build_seconds: float) -> str:
    median = statistics.median(figures["page"])
    verdict = "met" if median < TARGET_MS else "NOT met"
    return "\n".join(
        [
            "## Item analysis report at scale",
            "",
            f"{counts['attempts']:,} closed attempts × {QUESTIONS} questions "
            f"({counts['responses']:,} responses, {counts['picks']:,} choice picks) "
            f"on PostgreSQL 127.0.0.1; data written in {build_seconds:.0f} s. "
            f"Timed {args.runs} runs after one warm-up, in-process (Django test "
            "client, no network).",
            "",
            "| what | median ms | max ms |",
            "| --- | ---: | ---: |",
            f"| summary + item analysis (services) | "
            f"{statistics.median(figures['service']):.0f} | "
            f"{max(figures['service']):.0f} |",
            f"| whole report page (GET, rendered) | {median:.0f} | "
            f"{max(figures['page']):.0f} |",
            "",
            f"- {figures['queries']} SQL queries per page, {figures['rows']} question "
            f"rows, {figures['bytes'] / 1024:.0f} KB of HTML.",
            f"- Target: the report renders in under 1 s: **{verdict}**.",
            "",
        ]
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true")
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--database-url", default=os.environ.get("ITEM_BENCH_DATABASE_URL", DEFAULT_DB)
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.short:
        args.attempts = min(args.attempts, 2_000)
    if not args.child:
        # Run in a child process so that Django is configured for this database.
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from quiz_load import manage, recreate_database, server_env

        env = server_env(args.database_url, 8000)
        env.update(ALLOWED_HOSTS="testserver,127.0.0.1", DEBUG="0")
        recreate_database(args.database_url)
        manage(env, "migrate", "--noinput", "-v0")
        if not (REPO / "staticfiles" / "staticfiles.json").exists():
            manage(env, "collectstatic", "--noinput", "-v0")
        done = subprocess.run(
            [sys.executable, __file__, "--child", *(argv or sys.argv[1:])],
            cwd=REPO,
            env=env,
            timeout=900,
            check=False,
        )
        return done.returncode
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    from courses.quizzes.models import Attempt, ChoicePick, Response

    began = time.perf_counter()
    quiz_id, trainer_id = build(args.attempts)
    build_seconds = time.perf_counter() - began
    counts = {
        "attempts": Attempt.objects.filter(quiz_id=quiz_id).count(),
        "responses": Response.objects.filter(quiz_id=quiz_id).count(),
        "picks": ChoicePick.objects.filter(quiz_id=quiz_id).count(),
    }
    figures = time_report(quiz_id, trainer_id, args.runs)
    print(markdown(args, figures, counts, build_seconds))
    return 0 if statistics.median(figures["page"]) < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
