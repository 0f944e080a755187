"""JP per person per year, for HR: read from the competency app's JP ledger.

Until the ledger exists, JP is the sum of completed courses' JP in the year.
"""

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from courses.models import Enrolment

from .filters import year_bounds


def jp_target() -> int:
    """The yearly JP target every learner is measured against (PNS right: 20)."""
    return settings.SIGAP_PNS_JP_TARGET


def _ledger_model():
    try:
        from lms.competencies.models import JpEntry
    except ImportError:  # the ledger has not landed yet
        return None
    return JpEntry


def jp_per_user(*, year: int) -> QuerySet:
    """Rows ``{"user": id, "jp": total}`` for ``year``, for every person (unscoped).

    Callers narrow it with ``lms.accounts.scope.filter_in_hr_scope(..., via="user")``.
    """
    ledger = _ledger_model()
    if ledger is not None:
        return ledger.objects.filter(year=year).values("user").annotate(jp=Sum("jp"))
    start, end = year_bounds(year)
    return (
        Enrolment.objects.completed()
        .filter(completed_at__gte=start, completed_at__lt=end)
        .values("user")
        .annotate(jp=Sum("course__jp"))
    )


def jp_by_year(*, person) -> list[tuple[int, int]]:
    """One person's JP per calendar year, newest first."""
    ledger = _ledger_model()
    if ledger is not None:
        rows = (
            ledger.objects.filter(user=person)
            .values("year")
            .annotate(jp=Sum("jp"))
            .values_list("year", "jp")
        )
        return sorted(rows, reverse=True)
    totals: dict[int, int] = {}
    completed = Enrolment.objects.for_user(person).completed()
    for completed_at, jp in completed.values_list("completed_at", "course__jp"):
        year = timezone.localtime(completed_at).year
        totals[year] = totals.get(year, 0) + jp
    return sorted(totals.items(), reverse=True)
