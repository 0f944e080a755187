from .pages import CatalogPage, CoursePage, HomePage, LessonPage, Topic
from .records import Enrolment, LessonProgress, LessonVisit
from .review import CourseReviewItem, CourseReviewTask

__all__ = [
    "CatalogPage",
    "CoursePage",
    "CourseReviewItem",
    "CourseReviewTask",
    "Enrolment",
    "HomePage",
    "LessonPage",
    "LessonProgress",
    "LessonVisit",
    "Topic",
]
