"""Malformed quiz input (Unicode digits, NUL) gets a 4xx or is ignored, never a 500."""

import json

import pytest
from django.urls import reverse

from courses.quizzes import grading
from courses.quizzes.models import Response
from courses.quizzes.services import start_attempt
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db

UNICODE_DIGITS = ["²", "⑤"]  # str.isdigit() says yes, int() raises


def _item(attempt, kind):
    return next(i for i in attempt.snapshot if i["type"] == kind)


@pytest.mark.parametrize("seq", UNICODE_DIGITS)
def test_autosave_with_a_unicode_digit_sequence_still_saves_the_answer(
    learner_client, learner, enrolled, quiz, seq
):
    attempt = start_attempt(quiz=quiz, user=learner)
    item = _item(attempt, "short")
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}": "jawaban", "seq": seq},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["saved"] is True
    assert Response.objects.get(attempt=attempt, position=item["pos"]).answer == (
        "jawaban"
    )


@pytest.mark.parametrize("pos", [*UNICODE_DIGITS, "٣", "9" * 25])
def test_autosave_with_a_malformed_position_is_refused_with_400(
    learner_client, learner, enrolled, quiz, pos
):
    attempt = start_attempt(quiz=quiz, user=learner)
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]), {"pos": pos, "q1": "x"}
    )
    assert response.status_code == 400
    assert "Jawaban tidak dapat diterima" in json.loads(response.content)["error"]


@pytest.mark.parametrize("place", [*UNICODE_DIGITS, "٣", "0", "-1", "9" * 25])
def test_ordering_answer_with_a_malformed_place_is_refused_with_400(
    learner_client, learner, enrolled, quiz, place
):
    attempt = start_attempt(quiz=quiz, user=learner)
    item = _item(attempt, "ordering")
    first_key = item["choices"][0]["k"]
    response = learner_client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], f"q{item['pos']}-{first_key}": place},
    )
    assert response.status_code == 400
    assert Response.objects.get(attempt=attempt, position=item["pos"]).answer is None


def test_nul_in_a_short_answer_is_refused_and_nothing_is_stored(
    learner_client, learner, enrolled, quiz
):
    attempt = start_attempt(quiz=quiz, user=learner)
    item = _item(attempt, "short")
    for url in (
        reverse("quizzes:autosave", args=[attempt.pk]),
        reverse("quizzes:attempt", args=[attempt.pk]),
    ):
        response = learner_client.post(
            url, {"pos": item["pos"], f"q{item['pos']}": "pelayanan\x00publik"}
        )
        assert response.status_code == 400
    assert Response.objects.get(attempt=attempt, position=item["pos"]).answer is None


@pytest.mark.parametrize("kind", ["short", "single", "ordering", "matching"])
def test_grading_refuses_nul_in_any_answer_even_without_the_middleware(quiz, kind):
    from courses.quizzes.snapshot import build_snapshot

    item = next(i for i in build_snapshot(quiz) if i["type"] == kind)
    name = f"q{item['pos']}"
    data = {name: "a\x00"} | {
        f"{name}-{choice['k']}": "1\x00" for choice in item["choices"]
    }
    with pytest.raises(grading.AnswerRejected):
        grading.parse_answer(item, data)


@pytest.mark.parametrize("value", [*UNICODE_DIGITS, "9" * 25, "-1"])
def test_quiz_preview_with_a_malformed_seed_draws_afresh(quiz, course, value):
    from allauth.mfa.models import Authenticator

    admin = UserFactory(roles=["Admin"], is_staff=True)
    Authenticator.objects.get_or_create(
        user=admin, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    url = reverse("quizzes:preview", args=[quiz.pk])
    response = client_as(admin).get(url, {"acak": value, "hal": value})
    assert response.status_code == 200


@pytest.mark.parametrize("page", [*UNICODE_DIGITS, "٣", "9" * 5000, "-1"])
def test_attempt_page_with_a_malformed_page_number_shows_the_first_page(
    learner_client, learner, enrolled, quiz, page
):
    attempt = start_attempt(quiz=quiz, user=learner)
    response = learner_client.get(
        reverse("quizzes:attempt", args=[attempt.pk]), {"hal": page}
    )
    assert response.status_code == 200
    assert response.context["page_number"] == 1
