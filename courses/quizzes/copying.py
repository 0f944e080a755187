"""A course copied as a new run takes a copy of its question bank with it.

A step of ``courses.copying.copy_course`` (``settings.SIGAP_COURSE_COPY_STEPS``):
every question filed under the original course is copied (choices, pairs, tags)
under the copy, and the copy's quizzes are pointed at the copies, in their page
row and their newest revision alike, so that editing the new run's questions never
changes the original's. Shared questions (no course) stay shared. Random draws
pick from the quiz's own course, so they need no remapping.
"""

from courses.models import CoursePage

from .models import Question, QuizPage

# Not copied: the copy is a new question with its own history and statistics.
_NOT_COPIED = [
    "id",
    "course",
    "latest_revision",
    "created_at",
    "updated_at",
    "_revisions",
    "index_entries",
]


def copy_question_bank(*, original: CoursePage, copy: CoursePage, user) -> dict:
    """Copy ``original``'s questions under ``copy`` and remap ``copy``'s quizzes;
    returns the map of original question id to copied question."""
    copies: dict[int, Question] = {}
    for question in Question.objects.filter(course=original).prefetch_related(
        "choices", "tagged_items"
    ):
        duplicate, _children = question.copy_cluster(exclude_fields=_NOT_COPIED)
        duplicate.course = copy
        duplicate.save()
        duplicate.save_revision(user=user, log_action=False)
        copies[question.pk] = duplicate
    for quiz in QuizPage.objects.descendant_of(copy):
        quiz.items = _remapped(quiz.items, copies)
        quiz.save(update_fields=["items"])
        draft = quiz.get_latest_revision_as_object()
        draft.items = _remapped(draft.items, copies)
        draft.save_revision(user=user, log_action=False)
    return copies


def _remapped(items, copies: dict[int, Question]) -> list[tuple[str, object]]:
    remapped = []
    for block in items:
        value = block.value
        if block.block_type == "question" and value is not None:
            value = copies.get(value.pk, value)
        remapped.append((block.block_type, value))
    return remapped
