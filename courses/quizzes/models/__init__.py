from .pages import QuizKind, QuizPage, ReviewRule
from .questions import (
    MIN_ORDERING_ITEMS,
    Difficulty,
    Question,
    QuestionChoice,
    QuestionTag,
    QuestionType,
    Scoring,
)
from .records import Attempt, ChoicePick, Response

__all__ = [
    "MIN_ORDERING_ITEMS",
    "Attempt",
    "ChoicePick",
    "Difficulty",
    "Question",
    "QuestionChoice",
    "QuestionTag",
    "QuestionType",
    "QuizKind",
    "QuizPage",
    "Response",
    "ReviewRule",
    "Scoring",
]
