"""The programmes on the learner's dashboard ("Kursus saya"): a step of
``SIGAP_LEARNER_DASHBOARD_STEPS``, which ``courses`` runs without importing this
layer; and the programmes' due dates on the learner's agenda."""

from django.utils.translation import gettext as _

from courses.dashboard import DashboardSection

from .selectors import my_programmes


def programme_section(*, user) -> DashboardSection | None:
    programmes = my_programmes(user=user)
    if not programmes:
        return None
    return DashboardSection(
        template="programmes/includes/my_programmes.html",
        context={"programmes": programmes},
        title=_("Program saya"),
    )
