"""Demo quizzes for ``seed_demo``: a pre-test and a post-test per module, built from
the ``pretest.yaml`` and ``posttest.yaml`` files in ``demo/content``, and attempts
by the HR demo staff so that the trainer reports show data. Idempotent: questions
by text, quizzes by slug, attempts once; a quiz seeded with since-rewritten
questions is pointed at the current ones.
"""

import random
from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage, Enrolment, LessonPage, LessonVisit
from courses.quizzes.models import (
    Attempt,
    Question,
    QuestionChoice,
    QuizKind,
    QuizPage,
    ReviewRule,
)
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import mark_lesson_complete
from demo.loader import load_modules
from lms.accounts.models import User

DIFFICULTY = {"easy": "mudah", "medium": "sedang", "hard": "sulit"}
SCORING = {"all_or_nothing": "all", "partial": "partial", None: "all"}

QUIZZES = {
    "pretest": {
        "slug": "pre-test",
        "title": "Pre-test: {title}",
        "kind": QuizKind.PRETEST,
        "intro": (
            "Kerjakan pre-test ini sebelum mulai belajar. Nilainya tidak menentukan "
            "kelulusan: kami membandingkannya dengan post-test untuk melihat "
            "perkembangan kompetensi Anda."
        ),
        "attempts_allowed": 1,
        "review_rule": ReviewRule.AFTER_LAST_ATTEMPT,
        "time_limit_minutes": None,
    },
    "posttest": {
        "slug": "post-test",
        "title": "Post-test: {title}",
        "kind": QuizKind.POSTTEST,
        "intro": (
            "Post-test mengukur kompetensi yang sama dengan pre-test. Nilai lulus "
            "70; Anda punya tiga kesempatan dan 20 menit untuk setiap percobaan. "
            "Jawaban tersimpan otomatis."
        ),
        "attempts_allowed": 3,
        "review_rule": ReviewRule.ONCE_PASSED,
        "time_limit_minutes": 20,
    },
}


def _question(course: CoursePage, data: dict) -> Question:
    existing = Question.objects.filter(course=course, text=data["text"]).first()
    if existing is not None:
        return existing
    question = Question.objects.create(
        course=course,
        type=data["type"],
        text=data["text"],
        points=data.get("points", 1),
        scoring=SCORING.get(data.get("scoring"), "all"),
        is_true=bool(data.get("answer", True)),
        accepted_answers="\n".join(data.get("accepted", [])),
        explanation=data.get("explanation", ""),
        difficulty=DIFFICULTY.get(data.get("difficulty"), "sedang"),
        competency=data.get("competency", ""),
    )
    rows = []
    for text, correct in data.get("choices", []):
        rows.append(QuestionChoice(text=text, is_correct=correct))
    for text in data.get("items", []):
        rows.append(QuestionChoice(text=text))
    for left, right in data.get("pairs", []):
        rows.append(QuestionChoice(text=left, match_text=right))
    for order, row in enumerate(rows):
        row.question = question
        row.sort_order = order
    QuestionChoice.objects.bulk_create(rows)
    question.tags.add(course.code.lower())
    question.save()
    question.save_revision(clean=False)
    return question


def _quiz(course: CoursePage, which: str, questions: list[Question]) -> QuizPage:
    spec = QUIZZES[which]
    existing = QuizPage.objects.child_of(course).filter(slug=spec["slug"]).first()
    if existing is not None:
        _ask_only(existing, questions)
        return existing
    quiz = course.add_child(
        instance=QuizPage(
            title=spec["title"].format(title=course.title),
            slug=spec["slug"],
            kind=spec["kind"],
            intro=spec["intro"],
            items=[("question", q) for q in questions],
            pass_mark=70,
            attempts_allowed=spec["attempts_allowed"],
            review_rule=spec["review_rule"],
            time_limit_minutes=spec["time_limit_minutes"],
            shuffle_questions=True,
            shuffle_choices=True,
            questions_per_page=4,
            owner=course.trainer,
        )
    )
    if which == "pretest":
        first = course.get_first_child()
        if first is not None and first.pk != quiz.pk:
            quiz.move(first, pos="left")
    return quiz


def _ask_only(quiz: QuizPage, questions: list[Question]) -> None:
    """Point a demo quiz seeded before its questions were rewritten at the current
    ones. The old question rows stay: past attempts and their reports refer to them.
    """
    asked = [
        block.value.pk
        for block in quiz.items
        if block.block_type == "question" and block.value is not None
    ]
    if asked == [question.pk for question in questions]:
        return
    quiz.items = [("question", question) for question in questions]
    quiz.save_revision(user=quiz.owner).publish()


def _answer_like(item: dict, rng: random.Random, skill: float):
    """A plausible answer: right with probability ``skill``, otherwise a near miss."""
    right = rng.random() < skill
    kind, key = item["type"], item["key"]
    keys = [c["k"] for c in item.get("choices", [])]
    if kind == "single":
        wrong = [k for k in keys if k not in key]
        return key[0] if right or not wrong else rng.choice(wrong)
    if kind == "multiple":
        if right:
            return key
        return sorted(set(rng.sample(keys, max(1, len(key) - 1))))
    if kind == "true_false":
        return key if right else ("f" if key == "t" else "t")
    if kind == "short":
        return (item.get("accepted") or key)[0] if right else "tidak tahu"
    if kind == "ordering":
        if right:
            return key
        swapped = list(key)
        swapped[0], swapped[1] = swapped[1], swapped[0]
        return swapped
    options = [o["k"] for o in item.get("options", [])]
    return {
        left: right_k if right else rng.choice(options) for left, right_k in key.items()
    }


def take_quiz(quiz: QuizPage, user: User, rng: random.Random, skill: float) -> Attempt:
    """``user`` answers ``quiz`` (``skill``: the share answered right) and submits."""
    attempt = start_attempt(quiz=quiz, user=user, rng=rng)
    answers = {
        item["pos"]: _answer_like(item, rng, skill)
        for item in attempt.snapshot
        if rng.random() > 0.03
    }
    save_answers(attempt=attempt, answers=answers)
    attempt, _ = submit_attempt(attempt=attempt)
    return attempt


def read_lessons(enrolment: Enrolment, lessons, rng: random.Random) -> None:
    """The staff member read each lesson, one after the other, before marking it
    done: the visits the lesson page and its heartbeat would have recorded, ending
    now, each lesson open for about its estimated time (so the time rule of
    ``mark_lesson_complete`` is met, not bypassed)."""
    spans = [
        timedelta(minutes=lesson.estimated_minutes * rng.uniform(0.9, 1.4))
        for lesson in lessons
    ]
    opened = timezone.now() - sum(spans, timedelta())
    for lesson, span in zip(lessons, spans, strict=True):
        LessonVisit.objects.get_or_create(
            enrolment=enrolment,
            lesson=lesson,
            defaults={
                "first_opened_at": opened,
                "last_opened_at": opened,
                "last_beat_at": opened + span,
                "active_seconds": int(span.total_seconds() * rng.uniform(0.7, 0.95)),
            },
        )
        opened += span


def _demo_attempts(course: CoursePage, pretest: QuizPage, posttest: QuizPage) -> None:
    enrolments = (
        Enrolment.objects.filter(course=course, user__email__startswith="staf")
        .select_related("user")
        .order_by("user__email")
    )
    lessons = list(LessonPage.objects.live().child_of(course))
    for enrolment in enrolments:
        user = enrolment.user
        if Attempt.objects.filter(user=user, quiz__in=[pretest, posttest]).exists():
            continue
        rng = random.Random(f"{course.code}:{user.email}")
        base = rng.uniform(0.25, 0.65)
        take_quiz(pretest, user, rng, base)
        if not enrolment.is_completed:
            continue
        read_lessons(enrolment, lessons, rng)
        for lesson in lessons:
            mark_lesson_complete(enrolment=enrolment, lesson=lesson)
        gain = rng.uniform(0.1, 0.45)
        for _ in range(3):
            attempt = take_quiz(posttest, user, rng, min(0.97, base + gain))
            if attempt.passed:
                break
            gain += 0.15


def seed() -> None:
    for module in load_modules():
        course = CoursePage.objects.filter(code=module["code"]).first()
        if course is None or not module.get("pretest"):
            continue
        if not course.requires_pretest:
            course.requires_pretest = True
            course.save_revision(user=course.trainer).publish()
        pretest = _quiz(
            course, "pretest", [_question(course, q) for q in module["pretest"]]
        )
        posttest = _quiz(
            course, "posttest", [_question(course, q) for q in module["posttest"]]
        )
        _demo_attempts(course, pretest, posttest)
