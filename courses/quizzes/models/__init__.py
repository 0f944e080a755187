from .pages import QuizKind, QuizPage, ReviewRule
from .questions import (
    Difficulty,
    Question,
    QuestionChoice,
    QuestionTag,
    QuestionType,
    Scoring,
)
from .records import Attempt, ChoicePick, Response

__all__ = [
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
