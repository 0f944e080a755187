"""Learner views of the quiz engine: start, answer (page or autosave), submit,
result; and the trainer's preview. Views parse, ask a predicate, call a service."""

import math
import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.permissions import NOT_PUBLISHED, RESTRICTED, may_go_on_learning
from lms.accounts.middleware import staff_area
from lms.numbers import parse_int

from . import grading
from .display import question_view, review_view
from .models import Attempt, QuizPage, Response
from .permissions import can_author_course, can_open_quiz, can_take_attempt
from .selectors import attempts_left, is_out_of_time, review_allowed, seconds_left
from .services import (
    AttemptClosed,
    QuizError,
    close_attempt,
    parse_answers,
    save_answers,
    start_attempt,
    submit_attempt,
)
from .snapshot import build_snapshot

REJECTED = gettext_lazy(
    "Jawaban tidak dapat diterima: isinya tidak cocok dengan soal pada percobaan "
    "ini. Muat ulang halaman lalu coba lagi."
)


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id)
    if not can_take_attempt(request.user, attempt):
        raise Http404
    return attempt


def _learning_refused(request, attempt: Attempt) -> str:
    """Why the learner may not go on with ``attempt`` now (``may_learn``), to
    show them, or "" when they may. A quiz they may not see at all is not found.

    Asked on every autosave: ``may_go_on_learning`` keeps the answer for the person
    until their enrolment, groups or attempts or the published course change."""
    decision = may_go_on_learning(request.user, attempt.quiz, request=request)
    if decision.reason in (NOT_PUBLISHED, RESTRICTED):
        raise Http404
    return decision.message


def _back_to_quiz(request, attempt: Attempt, message: str):
    messages.error(request, message)
    return redirect(attempt.quiz.url)


def _page_of(attempt: Attempt, raw: str | None) -> tuple[int, int, list[dict]]:
    per_page = max(1, attempt.quiz.questions_per_page)
    pages = max(1, math.ceil(len(attempt.snapshot) / per_page))
    number = min(parse_int(raw, min_value=1) or 1, pages)
    return number, pages, attempt.snapshot[(number - 1) * per_page : number * per_page]


def _closed_response(request, attempt: Attempt, message: str):
    return render(
        request,
        "quizzes/attempt_closed.html",
        {"attempt": attempt, "quiz": attempt.quiz, "message": message},
        status=409,
    )


@login_required
@require_POST
def start_view(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    if not can_open_quiz(request.user, quiz):
        raise Http404
    decision = may_go_on_learning(request.user, quiz, request=request)
    if decision.reason in (NOT_PUBLISHED, RESTRICTED):
        raise Http404
    try:
        attempt = start_attempt(quiz=quiz, user=request.user, request=request)
    except QuizError as refusal:
        messages.error(request, str(refusal))
        return redirect(quiz.url)
    return redirect("quizzes:attempt", attempt.pk)


@login_required
@never_cache
def attempt_view(request, attempt_id: int):
    """One page of questions; POST saves that page (the no-JavaScript path)."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open and (refused := _learning_refused(request, attempt)):
        return _back_to_quiz(request, attempt, refused)
    if not attempt.is_open:
        if request.method == "POST":
            return _closed_response(
                request,
                attempt,
                _(
                    "Percobaan ini sudah ditutup; jawaban yang baru dikirim tidak "
                    "disimpan."
                ),
            )
        return redirect("quizzes:result", attempt.pk)
    if is_out_of_time(attempt):
        close_attempt(attempt=attempt, status=Attempt.Status.EXPIRED)
        messages.warning(
            request,
            _("Waktu habis. Jawaban yang sudah tersimpan telah dinilai."),
        )
        if request.method == "POST":
            return _closed_response(
                request, attempt, _("Waktu habis; jawaban ini tidak disimpan.")
            )
        return redirect("quizzes:result", attempt.pk)
    number, pages, items = _page_of(attempt, request.GET.get("hal"))
    error = None
    if request.method == "POST":
        try:
            answers = parse_answers(
                attempt=attempt,
                data=request.POST,
                positions=[item["pos"] for item in items],
            )
            save_answers(attempt=attempt, answers=answers)
        except grading.AnswerRejected:
            error = REJECTED
        except AttemptClosed as closed:
            return _closed_response(request, attempt, str(closed))
        else:
            action = request.POST.get("action", "next")
            url = reverse("quizzes:attempt", args=[attempt.pk])
            if action == "prev" and number > 1:
                return redirect(f"{url}?hal={number - 1}")
            if action == "next" and number < pages:
                return redirect(f"{url}?hal={number + 1}")
            if action == "stay":
                return redirect(f"{url}?hal={number}")
            if action == "submit":  # the timer ran out in the browser
                submit_attempt(attempt=attempt)
                return redirect("quizzes:result", attempt.pk)
            return redirect("quizzes:summary", attempt.pk)
    saved = dict(
        Response.objects.filter(attempt=attempt).values_list("position", "answer")
    )
    per_page = max(1, attempt.quiz.questions_per_page)
    page_links = [
        {
            "number": n,
            "answered": all(
                saved.get(item["pos"]) not in (None, [], {}, "")
                for item in attempt.snapshot[(n - 1) * per_page : n * per_page]
            ),
        }
        for n in range(1, pages + 1)
    ]
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": [
                question_view(item, saved.get(item["pos"])) for item in items
            ],
            "page_number": number,
            "pages": pages,
            "page_links": page_links,
            "total": len(attempt.snapshot),
            "answered": sum(
                1 for value in saved.values() if value not in (None, [], {}, "")
            ),
            "seconds_left": seconds_left(attempt),
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
@never_cache
def autosave_view(request, attempt_id: int):
    """Save one answer in the background (JavaScript); answers with JSON."""
    attempt = _own_attempt(request, attempt_id)
    if refused := _learning_refused(request, attempt):
        return JsonResponse({"error": refused}, status=403)
    position = parse_int(request.POST.get("pos"))
    if position is None:
        return JsonResponse({"error": REJECTED}, status=400)
    # The browser's counter; a malformed one saves unordered, as before.
    seq = parse_int(request.POST.get("seq"))
    try:
        answers = parse_answers(
            attempt=attempt, data=request.POST, positions=[position]
        )
        saved = save_answers(
            attempt=attempt,
            answers=answers,
            seq=seq,
        )
    except grading.AnswerRejected:
        return JsonResponse({"error": REJECTED}, status=400)
    except AttemptClosed as closed:
        return JsonResponse(
            {
                "error": str(closed),
                "closed": True,
                "result_url": reverse("quizzes:result", args=[attempt.pk]),
            },
            status=409,
        )
    return JsonResponse({"saved": True, "pos": position, "at": saved.at.isoformat()})


@login_required
@never_cache
def summary_view(request, attempt_id: int):
    """Before handing in: how many questions are answered, and the submit button."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open and (refused := _learning_refused(request, attempt)):
        return _back_to_quiz(request, attempt, refused)
    if not attempt.is_open:
        return redirect("quizzes:result", attempt.pk)
    saved = dict(
        Response.objects.filter(attempt=attempt).values_list("position", "answer")
    )
    per_page = max(1, attempt.quiz.questions_per_page)
    unanswered = [
        {"pos": item["pos"], "page": (index // per_page) + 1}
        for index, item in enumerate(attempt.snapshot)
        if saved.get(item["pos"]) in (None, [], {}, "")
    ]
    return render(
        request,
        "quizzes/summary.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "total": len(attempt.snapshot),
            "answered": len(attempt.snapshot) - len(unanswered),
            "unanswered": unanswered,
            "seconds_left": seconds_left(attempt),
        },
    )


@login_required
@require_POST
def submit_view(request, attempt_id: int):
    """Hand in. A second submit (double click, other tab) just shows the result."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open and (refused := _learning_refused(request, attempt)):
        return _back_to_quiz(request, attempt, refused)
    attempt, closed_now = submit_attempt(attempt=attempt)
    if not closed_now:
        messages.info(
            request, _("Percobaan ini sudah dikumpulkan sebelumnya. Ini hasilnya.")
        )
    return redirect("quizzes:result", attempt.pk)


@login_required
@never_cache
def result_view(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt.pk)
    quiz = attempt.quiz
    attempts = list(
        Attempt.objects.filter(quiz=quiz, user=request.user)
        .defer("snapshot")
        .select_related("quiz")
        .order_by("number")
    )
    closed = sum(1 for a in attempts if not a.is_open)
    reviews = []
    if review_allowed(attempt=attempt, attempts=attempts):
        responses = {
            r.position: r
            for r in Response.objects.filter(attempt=attempt).only(
                "position", "answer", "score"
            )
        }
        reviews = [
            review_view(
                item,
                responses[item["pos"]].answer if item["pos"] in responses else None,
                responses[item["pos"]].score if item["pos"] in responses else None,
            )
            for item in attempt.snapshot
        ]
    left = attempts_left(quiz, closed)
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "course": quiz.get_course(),
            "attempts_left": left,
            "can_retry": left != 0 and not (quiz.is_pretest and attempt.passed),
            "reviews": reviews,
        },
    )


@staff_area
@login_required
@never_cache
def preview_view(request, quiz_id: int):
    """The trainer sees a fresh draw exactly as a learner would (nothing saved)."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not can_author_course(request.user, quiz.get_course()):
        raise Http404
    seed = parse_int(request.GET.get("acak"), max_value=10**9 - 1)
    if seed is None:
        seed = random.randrange(10**6)
    snapshot = build_snapshot(quiz, rng=random.Random(seed))
    show_key = request.GET.get("kunci") == "1"
    return render(
        request,
        "quizzes/preview.html",
        {
            "quiz": quiz,
            "course": quiz.get_course(),
            "questions": [question_view(item, None) for item in snapshot],
            "reviews": [review_view(item, None, 0) for item in snapshot]
            if show_key
            else [],
            "seed": seed,
            "show_key": show_key,
        },
    )
