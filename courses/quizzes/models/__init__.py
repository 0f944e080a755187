from .imports import QuestionFormat, QuestionImport
from .pages import QuizKind, QuizPage, ReviewRule
from .questions import (
    MAX_CHOICES,
    MIN_ORDERING_ITEMS,
    Difficulty,
    Question,
    QuestionChoice,
    QuestionTag,
    QuestionType,
    Scoring,
    content_problems,
)
from .records import Attempt, ChoicePick, Response

__all__ = [
    "MAX_CHOICES",
    "MIN_ORDERING_ITEMS",
    "Attempt",
    "ChoicePick",
    "Difficulty",
    "Question",
    "QuestionChoice",
    "QuestionFormat",
    "QuestionImport",
    "QuestionTag",
    "QuestionType",
    "QuizKind",
    "QuizPage",
    "Response",
    "ReviewRule",
    "Scoring",
    "content_problems",
]
