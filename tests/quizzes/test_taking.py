import json

import pytest
from django.urls import reverse

from courses.quizzes.models import Attempt, Response
from courses.quizzes.services import start_attempt, submit_attempt
from tests.factories import AsnProfileFactory

pytestmark = pytest.mark.django_db


def correct_post(attempt) -> dict:
    """Form data answering every item of ``attempt`` correctly."""
    data = {}
    for item in attempt.snapshot:
        name, key = f"q{item['pos']}", item["key"]
        if item["type"] == "single":
            data[name] = key[0]
        elif item["type"] == "true_false":
            data[name] = key
        elif item["type"] == "multiple":
            data[name] = key
        elif item["type"] == "short":
            data[name] = "  PELAYANAN   publik "
        elif item["type"] == "ordering":
            for position, k in enumerate(key, start=1):
                data[f"{name}-{k}"] = str(position)
        elif item["type"] == "matching":
            for left, right in key.items():
                data[f"{name}-{left}"] = right
    return data


def test_learner_takes_a_quiz_page_by_page_and_scores_full_marks(
    learner_client, learner, enrolled, quiz
):
    response = learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner, quiz=quiz)
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.pk])
    data = correct_post(attempt)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    page1 = learner_client.post(f"{url}?hal=1", {**data, "action": "next"})
    assert page1.status_code == 302
    assert page1["Location"].endswith("?hal=2")
    page2 = learner_client.post(f"{url}?hal=2", {**data, "action": "finish"})
    assert page2["Location"] == reverse("quizzes:summary", args=[attempt.pk])
    summary = learner_client.get(page2["Location"]).content.decode()
    assert "6 dari 6 soal terjawab" in summary
    result = learner_client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.percent == 100
    assert attempt.passed
    page = learner_client.get(result["Location"]).content.decode()
    assert "Lulus" in page


def test_leaving_and_coming_back_resumes_with_every_saved_answer(
    learner_client, learner, enrolled, quiz
):
    learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = next(i for i in attempt.snapshot if i["type"] == "short")
    learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}": "jawaban saya"},
    )
    again = learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert again["Location"] == reverse("quizzes:attempt", args=[attempt.pk])
    assert Attempt.objects.filter(user=learner).count() == 1
    page = learner_client.get(
        reverse("quizzes:attempt", args=[attempt.pk])
        + f"?hal={(item['pos'] - 1) // quiz.questions_per_page + 1}"
    ).content.decode()
    assert 'value="jawaban saya"' in page


def test_autosave_answers_json_and_stores_the_answer(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    item = next(i for i in attempt.snapshot if i["type"] == "multiple")
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}": item["key"], "seq": "5"},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["saved"] is True
    stored = Response.objects.get(attempt=attempt, position=item["pos"])
    assert stored.answer == item["key"]


def test_an_older_retry_never_overwrites_a_newer_answer(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    item = next(i for i in attempt.snapshot if i["type"] == "short")
    url = reverse("quizzes:autosave", args=[attempt.pk])
    name = f"q{item['pos']}"
    learner_client.post(url, {"pos": item["pos"], name: "baru", "seq": "20"})
    late = learner_client.post(url, {"pos": item["pos"], name: "lama", "seq": "10"})
    assert late.status_code == 200
    assert Response.objects.get(attempt=attempt, position=item["pos"]).answer == "baru"


def test_second_submit_of_same_attempt_changes_nothing(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    url = reverse("quizzes:submit", args=[attempt.pk])
    first = learner_client.post(url)
    attempt.refresh_from_db()
    closed_at, percent = attempt.closed_at, attempt.percent
    second = learner_client.post(url, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "sudah dikumpulkan sebelumnya" in second.content.decode()
    attempt.refresh_from_db()
    assert (attempt.closed_at, attempt.percent) == (closed_at, percent)
    assert Attempt.objects.filter(user=learner).count() == 1


def test_answers_sent_after_submit_are_refused_and_change_nothing(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    submit_attempt(attempt=attempt)
    item = attempt.snapshot[0]
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}": item["choices"][0]["k"]},
    )
    assert response.status_code == 409
    assert "sudah ditutup" in json.loads(response.content)["error"]
    page = learner_client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {f"q{item['pos']}": item["choices"][0]["k"]},
    )
    assert page.status_code == 409
    assert "sudah ditutup" in page.content.decode()
    assert not Response.objects.filter(attempt=attempt, answer__isnull=False).exists()


def test_another_learners_attempt_is_not_found(client, learner, enrolled, quiz, unit):
    attempt = start_attempt(quiz=quiz, user=learner)
    client.force_login(AsnProfileFactory(unit=unit).user)
    item = attempt.snapshot[0]
    for name in ("attempt", "summary", "result"):
        assert (
            client.get(reverse(f"quizzes:{name}", args=[attempt.pk])).status_code == 404
        )
    posted = client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}": item["choices"][0]["k"]},
    )
    assert posted.status_code == 404
    assert client.post(reverse("quizzes:submit", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open
    assert not Response.objects.filter(attempt=attempt, answer__isnull=False).exists()


def _tampered_bodies(attempt):
    single = next(i for i in attempt.snapshot if i["type"] == "single")
    short = next(i for i in attempt.snapshot if i["type"] == "short")
    matching = next(i for i in attempt.snapshot if i["type"] == "matching")
    ordering = next(i for i in attempt.snapshot if i["type"] == "ordering")
    return {
        "unknown question": {"pos": "999", "q999": "1"},
        "choice not in question": {"pos": single["pos"], f"q{single['pos']}": "99"},
        "two values for one choice": {
            "pos": single["pos"],
            f"q{single['pos']}": ["1", "2"],
        },
        "oversized answer": {"pos": short["pos"], f"q{short['pos']}": "x" * 5000},
        "pair not offered": {
            "pos": matching["pos"],
            f"q{matching['pos']}-1": "zz",
        },
        "order out of range": {"pos": ordering["pos"], f"q{ordering['pos']}-1": "9"},
        "malformed body": {"pos": "satu"},
        "no position": {},
    }


@pytest.mark.parametrize(
    "case",
    [
        "unknown question",
        "choice not in question",
        "two values for one choice",
        "oversized answer",
        "pair not offered",
        "order out of range",
        "malformed body",
        "no position",
    ],
)
def test_tampered_autosave_gets_400_and_changes_nothing(
    learner_client, learner, enrolled, quiz, case
):
    attempt = start_attempt(quiz=quiz, user=learner)
    body = _tampered_bodies(attempt)[case]
    response = learner_client.post(reverse("quizzes:autosave", args=[attempt.pk]), body)
    assert response.status_code == 400
    assert "tidak dapat diterima" in json.loads(response.content)["error"]
    assert not Response.objects.filter(attempt=attempt, answer__isnull=False).exists()


def test_tampered_page_form_gets_400_with_a_message_and_saves_nothing(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    first = attempt.snapshot[0]
    second = attempt.snapshot[1]
    response = learner_client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {f"q{first['pos']}": first["choices"][0]["k"], f"q{second['pos']}": "99"},
    )
    assert response.status_code == 400
    assert "tidak dapat diterima" in response.content.decode()
    assert not Response.objects.filter(attempt=attempt, answer__isnull=False).exists()


def test_json_body_to_autosave_is_a_clear_400(learner_client, learner, enrolled, quiz):
    attempt = start_attempt(quiz=quiz, user=learner)
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        data="{not json",
        content_type="application/json",
    )
    assert response.status_code == 400


def test_start_by_get_is_refused(learner_client, enrolled, quiz):
    assert (
        learner_client.get(reverse("quizzes:start", args=[quiz.pk])).status_code == 405
    )
    assert not Attempt.objects.exists()


def test_attempts_allowed_is_enforced(learner_client, learner, enrolled, course):
    from tests.factories import make_question, make_quiz

    quiz = make_quiz(course, [make_question(course)], attempts_allowed=1)
    submit_attempt(attempt=start_attempt(quiz=quiz, user=learner))
    response = learner_client.post(
        reverse("quizzes:start", args=[quiz.pk]), follow=True
    )
    assert "sudah habis" in response.content.decode()
    assert Attempt.objects.filter(user=learner).count() == 1


def test_editing_a_question_never_changes_a_past_attempt(learner, enrolled, course):
    from tests.factories import make_question, make_quiz

    question = make_question(course, "single")
    quiz = make_quiz(course, [question])
    attempt = start_attempt(quiz=quiz, user=learner)
    shown = attempt.snapshot[0]
    right = shown["key"][0]
    question.text = "Teks baru"
    question.save()
    question.choices.update(is_correct=False)
    from courses.quizzes.services import save_answers

    save_answers(attempt=attempt, answers={shown["pos"]: right})
    attempt, _ = submit_attempt(attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.snapshot[0]["text"] == "Soal single?"
    assert attempt.percent == 100
