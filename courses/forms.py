"""Forms of the course pages in the Wagtail admin."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.admin.forms import WagtailAdminPageForm

from lms.accounts.permissions import ROLE_TRAINER

# Choices of the course form that a higher app narrows per user, filled in that
# app's ``AppConfig.ready()`` (certificates: the templates a trainer may give a
# course): field name -> ``choices_for(user)``.
_choice_scopes: dict[str, Callable[..., QuerySet]] = {}


def scope_course_form_choices(
    field_name: str, choices_for: Callable[..., QuerySet]
) -> None:
    """Offer ``choices_for(user)`` in the course form's ``field_name`` (a value the
    course already has stays among the choices)."""
    _choice_scopes[field_name] = choices_for


class CoursePageForm(WagtailAdminPageForm):
    """The course editor: the trainer is chosen among people with the Pengajar role
    (the list never shows learners' names); other choices are narrowed by the apps
    that registered a scope (a trainer gives their course the default certificate
    template or one of their own; a value already chosen stays)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_trainers()
        if self.for_user is None:
            return
        for name, choices_for in _choice_scopes.items():
            field = self.fields.get(name)
            if field is None:
                continue
            choices = choices_for(self.for_user)
            if current := self.instance.serializable_value(name):
                choices |= choices.model._default_manager.filter(pk=current)
            field.queryset = choices

    def _limit_trainers(self) -> None:
        field = self.fields.get("trainer")
        if field is None:
            return
        users = get_user_model().objects
        trainers = users.filter(groups__name=ROLE_TRAINER)
        if current := self.instance.trainer_id:
            trainers = trainers | users.filter(pk=current)
        field.queryset = trainers.distinct().order_by("email")
