"""JP per person per year, for HR: read from the competency app's JP ledger."""

from django.conf import settings
from django.db.models import QuerySet, Sum

from lms.competencies.models import JpEntry


def jp_target() -> int:
    """The yearly JP target every learner is measured against (PNS right: 20)."""
    return settings.SIGAP_PNS_JP_TARGET


def jp_per_user(*, year: int) -> QuerySet:
    """Rows ``{"user": id, "jp": total}`` for ``year``, for every person (unscoped).

    Callers narrow it with ``lms.accounts.scope.filter_in_hr_scope(..., via="user")``.
    """
    return JpEntry.objects.filter(year=year).values("user").annotate(jp=Sum("jp"))


def jp_by_year(*, person) -> list[tuple[int, int]]:
    """One person's JP per calendar year, newest first."""
    rows = (
        JpEntry.objects.filter(user=person)
        .values("year")
        .annotate(jp=Sum("jp"))
        .values_list("year", "jp")
    )
    return sorted(rows, reverse=True)
