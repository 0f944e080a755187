"""The question bank's filters in the admin: course (only the courses whose
questions the user may list, so that no trainer learns another's course names),
type, difficulty, tag, and use (in a quiz or answered / not yet)."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import ReferenceIndex

from courses.models import CoursePage
from courses.page_permissions import own_course_ids
from lms.accounts.permissions import is_only_trainer

from .models import Difficulty, Question, QuestionType, QuizPage, Response

USED = "used"
UNUSED = "unused"


def visible_courses(request):
    """The courses offered in the filter: a trainer's own, every course for
    reviewers and administrators (who list every question)."""
    courses = CoursePage.objects.order_by("title")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return courses.none()
    if is_only_trainer(user):
        return courses.filter(pk__in=own_course_ids(user))
    return courses


def used_q() -> Q:
    """A question is in use when a quiz asks it (Wagtail's reference index of the
    quiz pages) or a learner answered it."""
    referenced = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Question),
        content_type=ContentType.objects.get_for_model(QuizPage),
    ).values_list("to_object_id", flat=True)
    ids = {int(pk) for pk in referenced if str(pk).isdigit()}
    answered = Exists(Response.objects.filter(question=OuterRef("pk")))
    return Q(pk__in=ids) | Q(answered)


class QuestionBankFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Kursus"),
        queryset=visible_courses,
        empty_label=_("Semua kursus"),
    )
    type = django_filters.ChoiceFilter(
        label=_("Jenis soal"), choices=QuestionType.choices
    )
    difficulty = django_filters.ChoiceFilter(
        label=_("Tingkat kesulitan"), choices=Difficulty.choices
    )
    tag = django_filters.CharFilter(
        label=_("Topik"), field_name="tags__name", lookup_expr="iexact", distinct=True
    )
    usage = django_filters.ChoiceFilter(
        label=_("Pemakaian"),
        choices=[
            (USED, _("Dipakai di kuis atau sudah dijawab")),
            (UNUSED, _("Belum dipakai")),
        ],
        method="filter_usage",
    )

    class Meta:
        model = Question
        fields = ["course", "type", "difficulty", "tag", "usage"]

    def filter_usage(self, queryset, name, value):
        if value == USED:
            return queryset.filter(used_q())
        if value == UNUSED:
            return queryset.exclude(used_q())
        return queryset
