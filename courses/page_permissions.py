"""Trainers author only their own courses: a Wagtail page permission tester.

The Pengajar group holds ``add`` on the whole page tree (docs/roles.md); this tester
narrows it so that a trainer who is not also a reviewer or admin may only create
courses in the catalogue and edit, add to, move or delete pages inside a course
they author (``courses.permissions.is_course_author``: they teach it or created
it). Every Wagtail admin view asks ``page.permissions_for_user``, so this is the
one place that decides.
"""

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page, PagePermissionTester

from lms.accounts.permissions import is_only_trainer
from lms.admin_policies import ObjectPermissionPolicy
from lms.numbers import parse_int

from .models import CatalogPage, CoursePage
from .models.pages import course_of
from .permissions import authored_courses_q, is_course_author


def own_course_ids(user) -> list[int]:
    """Ids of the courses ``user`` authors (teaches or created)."""

    return list(
        CoursePage.objects.filter(authored_courses_q(user)).values_list("pk", flat=True)
    )


def owns_course_page(user, page: Page) -> bool:
    """Whether ``page`` is, or lies inside, a course ``user`` authors."""

    course = course_of(page)
    return course is not None and is_course_author(user, course)


class CoursePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed to own courses for trainers."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.only_trainer = is_only_trainer(user)
        self._owns = None

    def owns(self) -> bool:
        if self._owns is None:
            self._owns = owns_course_page(self.user, self.page)
        return self._owns

    def can_edit(self):
        if not self.only_trainer:
            return super().can_edit()
        return self.owns() and ("add" in self.permissions or super().can_edit())

    def can_add_subpage(self):
        if not self.only_trainer:
            return super().can_add_subpage()
        in_catalogue = self.page.specific_class is CatalogPage
        return (in_catalogue or self.owns()) and super().can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        allowed = super().can_delete(ignore_bulk=ignore_bulk)
        return allowed and (not self.only_trainer or self.owns())

    def can_move(self):
        return super().can_move() and (not self.only_trainer or self.owns())

    def can_copy(self):
        return self.can_edit()

    def can_lock(self):
        return super().can_lock() and (not self.only_trainer or self.owns())


def course_owned_models() -> list:
    """Models that belong to a course (a ``course`` FK to CoursePage): each of them
    shown as a snippet is guarded by a ``CourseOwnedSnippetPolicy``."""

    found = []
    for model in apps.get_models():
        try:
            field = model._meta.get_field("course")
        except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends
            continue
        if getattr(field, "related_model", None) is CoursePage and not issubclass(
            model, Page
        ):
            found.append(model)
    return found


def may_touch_course_owned(user, instance, *, write: bool) -> bool:
    """Trainers open only snippets of their own courses; shared ones (no course)
    they may read and use, but only reviewers and admins change them."""
    if not is_only_trainer(user):
        return True
    course_id = getattr(instance, "course_id", None)
    if course_id is None:
        return not write

    course = CoursePage.objects.filter(pk=course_id).only("trainer", "owner").first()
    return course is not None and is_course_author(user, course)


class CourseOwnedSnippetPolicy(ObjectPermissionPolicy):
    """The permission policy of a snippet filed under a course (a question bank):
    ``may_touch_course_owned`` for every object a trainer opens, changes or files
    a snippet under. The app that shows the snippet registers it for its model."""

    def user_may_reach(self, user, instance, *, write: bool) -> bool:
        return may_touch_course_owned(user, instance, write=write)

    def instances_user_may_reach(self, user, *, write: bool):
        objects = self.model._default_manager.all()
        if not is_only_trainer(user):
            return objects
        own = Q(course__in=own_course_ids(user))
        return objects.filter(own if write else own | Q(course__isnull=True))

    def instances_posted(self, data) -> list:
        # Creating a snippet in a course, or moving one into it: it must be one's own.
        # A course id we cannot read is refused (course 0 is nobody's): the form's
        # int() would read "٣" as 3, and 25 digits overflow the database.
        if not (posted := data.get("course")):
            return []
        return [self.model(course_id=parse_int(posted, min_value=1) or 0)]
