"""The package lessons as a part of every course outline (``courses.parts``),
their estimated duration in the course's learning time, and their completion
as a requirement of the course's; registered in ``PackagesConfig.ready``."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.parts import CoursePart

from .models import PackageAttempt, PackagePage
from .selectors import (
    PackageLink,
    PackageStatus,
    package_links,
    package_records,
    package_standing,
)


class PackagesPart(CoursePart):
    """The course's SCORM and cmi5 lessons with the learner's standing, under
    ``packages``; their estimated minutes in the learning time."""

    name = "packages"
    record_models = (PackageAttempt,)
    learning_label = _("Paket SCORM/cmi5")

    def learning_minutes(self, *, course, drafts: bool = False) -> int:
        shown = Q(live=True)
        if drafts:
            shown |= Q(first_published_at__isnull=True)
        pages = PackagePage.objects.child_of(course).filter(shown)
        return sum(pages.values_list("duration_minutes", flat=True))

    def links(self, *, course, course_url: str | None) -> list[PackageLink]:
        return package_links(course=course, course_url=course_url)

    def records(self, *, user, links: list[PackageLink]) -> list[tuple]:
        return package_records(user=user, page_ids=[link.pk for link in links])

    def standing(
        self, *, links: list[PackageLink], records: list
    ) -> list[PackageStatus]:
        return package_standing(links=links, records=records)
