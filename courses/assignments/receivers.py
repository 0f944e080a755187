"""Keep the learner's cached view of their answers (``selectors.lesson_panels``)
in step with gradings."""

from lms.cache import forget_person

from .models import Submission


def forget_graded_learner(sender, instance, **kwargs):
    forget_person(
        Submission.objects.filter(pk=instance.submission_id).values_list(
            "user_id", flat=True
        )
    )
