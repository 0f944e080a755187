from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = pgettext_lazy("plural", "Kursus")

    def ready(self):
        from .published import connect_published_signals

        connect_published_signals()

        from wagtail.signals import page_published

        from .search import index_published_page

        page_published.connect(
            index_published_page, dispatch_uid="sigap-index-published-page"
        )

        from django.db.models.signals import post_delete, post_save

        from .models import Enrolment, LessonProgress
        from .quizzes.models import Attempt

        # A learner's standing is cached (``services.learner_standing``); it must
        # hear of every write, also those made where nobody thinks of the cache
        # (Django's admin, the shell, cascading deletes).
        for model in (Enrolment, LessonProgress, Attempt):
            for signal in (post_save, post_delete):
                signal.connect(
                    _forget_learner_standing,
                    sender=model,
                    dispatch_uid=f"sigap-standing-{model.__name__}-{id(signal)}",
                )


def _forget_learner_standing(sender, instance, **kwargs):
    from lms.cache import forget_person

    from .models import Enrolment, LessonProgress

    if isinstance(instance, LessonProgress):
        if LessonProgress.enrolment.is_cached(instance):
            user_id = instance.enrolment.user_id
        else:
            user_id = (
                Enrolment.objects.filter(pk=instance.enrolment_id)
                .values_list("user_id", flat=True)
                .first()
            )
    else:
        user_id = instance.user_id
    forget_person([user_id])
