"""Read-only panels of the course editor: what the content's learning time is.

They show what ``courses.learning_time`` computed from the content as the editor
(and a reviewer of a page under moderation) sees it, so a JP that the content does
not support is seen before the course is approved.
"""

from django.conf import settings
from wagtail.admin.panels import Panel


class LessonTimePanel(Panel):
    """The lesson's estimated time and what it is made of (words read, video and
    audio, thinking), from the content being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/lesson_time_panel.html"

        def get_context_data(self, parent_context=None):
            # in-function: the page models import this module.
            from .learning_time import lesson_time

            context = super().get_context_data(parent_context)
            page = self.instance
            context["time"] = lesson_time(intro=page.intro, body=page.body)
            context["wpm"] = settings.SIGAP_READING_WPM
            return context


class CourseTimePanel(Panel):
    """The course's measured learning time (lessons and quizzes, drafts that go
    live with it included), the JP it supports, and the warning when the JP set
    is more."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/course_time_panel.html"

        def get_context_data(self, parent_context=None):
            # in-function: courses.course_time reads the page models, which
            # import this module.
            from .course_time import course_learning_time, jp_warning

            context = super().get_context_data(parent_context)
            course = self.instance
            if course.pk is None:
                context["time"] = None
                return context
            time = course_learning_time(course=course, drafts=True)
            context.update(
                time=time,
                warning=jp_warning(course=course, time=time),
                minutes_per_jp=settings.SIGAP_MINUTES_PER_JP,
            )
            return context
