"""The small world the authorization matrix runs in.

Every role has one user. Records come in pairs: the **own** record belongs to the
role's sphere (the learner's own enrolment, the trainer's own course, a person in
the HR officer's unit) and the **other** record belongs to someone outside it (a
learner of another instansi, enrolled in another trainer's course).

Add a record kind for your app to ``RECORDS``: a function ``(world, own) -> obj``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lms.accounts.permissions import (
    ROLE_ADMIN,
    ROLE_HR,
    ROLE_LEARNER,
    ROLE_REVIEWER,
    ROLE_TRAINER,
)
from tests.factories import (
    AsnProfileFactory,
    make_course,
    make_org_unit,
    make_site_tree,
)

ANONYMOUS = "anonymous"
PESERTA = "peserta"
PENGAJAR = "pengajar"
PENINJAU = "peninjau"
HR = "hr"
ADMIN = "admin"
ROLES = [ANONYMOUS, PESERTA, PENGAJAR, PENINJAU, HR, ADMIN]
GROUP_OF_ROLE = {
    PESERTA: ROLE_LEARNER,
    PENGAJAR: ROLE_TRAINER,
    PENINJAU: ROLE_REVIEWER,
    HR: ROLE_HR,
    ADMIN: ROLE_ADMIN,
}
STAFF_ROLES = {PENGAJAR, PENINJAU, HR, ADMIN}


@dataclass
class World:
    """Users per role and the own/other record pairs they are checked against."""

    users: dict[str, Any]
    unit_a: Any
    unit_b: Any
    learner_a: Any  # the peserta: own record for learner, trainer A and HR of unit A
    learner_b: Any  # a learner of another instansi, in trainer B's course
    trainer_b: Any
    course_a: Any
    course_b: Any
    _records: dict = field(default_factory=dict)

    def learner(self, own: bool):
        return self.learner_a if own else self.learner_b

    def course(self, own: bool):
        return self.course_a if own else self.course_b

    def lesson(self, own: bool):
        return self.course(own).lessons().first()

    def enrolment(self, own: bool):
        return self.record("enrolment", own)

    def record(self, kind: str, own: bool):
        """The own/other record of ``kind``, built once per test by ``RECORDS``."""
        key = (kind, own)
        if key not in self._records:
            self._records[key] = RECORDS[kind](self, own)
        return self._records[key]


def _enrolment(world: World, own: bool):
    from courses.services import enrol

    enrolment, _ = enrol(user=world.learner(own), course=world.course(own))
    return enrolment


# kind -> builder(world, own). Other apps add theirs (attempt, certificate, claim…).
RECORDS: dict[str, Callable[[World, bool], Any]] = {"enrolment": _enrolment}


def _give_mfa(user) -> None:
    """Staff in the matrix have an authenticator, so MFA enforcement lets them in."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )


def _attach_hr(user, unit) -> None:
    try:
        from lms.accounts.models import HrOfficer
    except ImportError:  # HR app not landed yet
        return
    HrOfficer.objects.get_or_create(user=user, defaults={"unit": unit})


def build_world() -> World:
    catalog = make_site_tree()
    instansi_a = make_org_unit("Pemkab A", code="PEMKAB-A")
    unit_a = make_org_unit("Dinas A", parent=instansi_a, code="DINAS-A")
    instansi_b = make_org_unit("Pemkot B", code="PEMKOT-B")
    unit_b = make_org_unit("Dinas B", parent=instansi_b, code="DINAS-B")
    users = {}
    for role, group in GROUP_OF_ROLE.items():
        users[role] = AsnProfileFactory(
            unit=unit_a,
            user__email=f"{role}@matrix.test",
            user__roles=[group],
            user__is_staff=role in STAFF_ROLES,
        ).user
        if role in STAFF_ROLES:
            _give_mfa(users[role])
    _attach_hr(users[HR], unit_a)
    learner_b = AsnProfileFactory(
        unit=unit_b, user__email="lain@matrix.test", user__roles=[ROLE_LEARNER]
    ).user
    trainer_b = AsnProfileFactory(
        unit=unit_b, user__email="pengajar-lain@matrix.test", user__roles=[ROLE_TRAINER]
    ).user
    _give_mfa(trainer_b)
    course_a = make_course(catalog, trainer=users[PENGAJAR], title="Kursus A")
    course_b = make_course(catalog, trainer=trainer_b, title="Kursus B")
    return World(
        users=users,
        unit_a=unit_a,
        unit_b=unit_b,
        learner_a=users[PESERTA],
        learner_b=learner_b,
        trainer_b=trainer_b,
        course_a=course_a,
        course_b=course_b,
    )
