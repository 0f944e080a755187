"""HR reads that belong to no report: the state of an import job, and the
national record sync's outbox as HR sees it (reconciliation)."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from lms.accounts.scope import filter_in_hr_scope, profiles_in_scope, users_in_scope

from .models import HrJob, SiasnOutbox
from .reminders import (
    DueReminder,
    ScheduledReminder,
    SentReminder,
    due_reminders,
    scheduled_reminders,
    sent_reminders,
)


def can_apply_import(job: HrJob) -> bool:
    """Whether ``job`` is a staff import whose dry run finished without errors, so
    it may be applied."""
    dry = job.result.get("dry_run") if job.result else None
    return (
        job.kind == HrJob.Kind.IMPORT_STAFF
        and job.status == HrJob.Status.DONE
        and job.params.get("phase") == "dry_run"
        and dry is not None
        and dry["counts"]["error"] == 0
    )


# --- national record sync (SIASN) ------------------------------------------------


@dataclass(frozen=True)
class SiasnCounts:
    """How many outbox rows in an officer's scope stand in each status, and how
    many are held up because the person has no SIASN id."""

    by_status: dict[str, int]
    without_siasn_id: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def siasn_rows(user, *, status: str = "") -> QuerySet[SiasnOutbox]:
    """Outbox rows of people in ``user``'s HR scope (optionally in one status),
    with what the reconciliation page shows, most recently changed first."""
    rows = filter_in_hr_scope(
        SiasnOutbox.objects.all(), user, via="enrolment__user"
    ).select_related("enrolment__user__asn_profile", "enrolment__course")
    rows = rows.defer("payload", "document_ref")
    if status in SiasnOutbox.Status.values:
        rows = rows.filter(status=status)
    return rows.order_by("-updated_at", "-pk")


def siasn_counts(user) -> SiasnCounts:
    rows = filter_in_hr_scope(SiasnOutbox.objects.all(), user, via="enrolment__user")
    by_status = dict.fromkeys(SiasnOutbox.Status.values, 0)
    for status, count in (
        rows.order_by().values_list("status").annotate(count=Count("pk"))
    ):
        by_status[status] = count
    without_id = (
        rows.exclude(status=SiasnOutbox.Status.SENT)
        .filter(enrolment__user__asn_profile__siasn_id="")
        .count()
    )
    return SiasnCounts(by_status=by_status, without_siasn_id=without_id)


def siasn_row_in_scope(user, row_id: int) -> SiasnOutbox | None:
    """One outbox row, if it belongs to a person in ``user``'s scope."""
    return siasn_rows(user).filter(pk=row_id).first()


# --- reminders (/hr/pengingat/) ----------------------------------------------------


@dataclass(frozen=True)
class RemindersPage:
    """What HR's reminders page shows, all within the officer's scope: what the
    next run sends (every kind, this layer's and the programmes'), what was sent,
    and who opted out of the optional ones."""

    due: list[DueReminder]
    scheduled: list[ScheduledReminder]
    history: list[SentReminder]
    opted_out: list

    @property
    def due_by_kind(self) -> list[tuple[str, int]]:
        """(kind label, how many) in the order the kinds first appear."""
        counts: dict[str, int] = {}
        for item in self.due:
            counts[item.label] = counts.get(item.label, 0) + 1
        return list(counts.items())


REMINDER_HISTORY_ROWS = 100
# How far ahead the page shows what later runs will send.
REMINDER_SCHEDULE_DAYS = 30


def reminders_page(user) -> RemindersPage:
    """The reminders the next run sends (the job's own ``due_reminders``), those
    later runs will send within ``REMINDER_SCHEDULE_DAYS`` days, the latest sent
    ones, and the people who opted out of optional reminders."""
    people = users_in_scope(user)
    opted_out = list(
        profiles_in_scope(user)
        .filter(reminders_opt_out=True, user__is_active=True)
        .select_related("unit")
        .order_by("full_name", "pk")
    )
    return RemindersPage(
        due=due_reminders(people=people),
        scheduled=scheduled_reminders(people=people, days=REMINDER_SCHEDULE_DAYS),
        history=sent_reminders(people=people, limit=REMINDER_HISTORY_ROWS),
        opted_out=opted_out,
    )
