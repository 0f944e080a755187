from .pages import CatalogPage, CoursePage, HomePage, LessonPage, Topic
from .records import Enrolment, LessonProgress, LessonVisit

__all__ = [
    "CatalogPage",
    "CoursePage",
    "Enrolment",
    "HomePage",
    "LessonPage",
    "LessonProgress",
    "LessonVisit",
    "Topic",
]
