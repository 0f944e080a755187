"""Sections higher layers add to the learner's dashboard ("Kursus saya"): each
step of ``SIGAP_LEARNER_DASHBOARD_STEPS`` takes ``user=`` and returns a
``DashboardSection`` (or None when it has nothing to show for that person)."""

from dataclasses import dataclass, field

from lms.steps import run_steps


@dataclass(frozen=True)
class DashboardSection:
    template: str
    title: str
    context: dict = field(default_factory=dict)


def dashboard_sections(*, user) -> list[DashboardSection]:
    return [
        section
        for section in run_steps("SIGAP_LEARNER_DASHBOARD_STEPS", user=user)
        if section is not None
    ]
