"""The HR workspace (/hr/): thin views; figures come from reports and scope."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from courses.models import Enrolment
from lms.audit.services import record_event

from . import reports, scope
from .charts import bar_chart
from .filters import filters_from_request
from .permissions import can_use_hr_workspace
from .transcript import build_transcript

LEARNERS_PER_PAGE = 50


def hr_required(view):
    """Only HR officers and administrators; everyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_use_hr_workspace(request.user):
            raise PermissionDenied(_("Halaman ini hanya untuk petugas HR."))
        return view(request, *args, **kwargs)

    return wrapped


def _learners_url(filters, **extra) -> str:
    params = filters.as_query() | {k: str(v) for k, v in extra.items()}
    return f"{reverse('hr:learners')}?{urlencode(params)}"


def _dashboard_charts(dashboard) -> dict:
    filters = dashboard.filters
    return {
        "course_chart": bar_chart(
            title=_("Tingkat penyelesaian per kursus (%)"),
            rows=[
                (
                    row.label,
                    row.rate,
                    f"{row.rate}%",
                    _learners_url(filters, course=row.key, status="enrolled"),
                )
                for row in dashboard.by_course
            ],
            maximum=100,
        ),
        "unit_chart": bar_chart(
            title=_("Tingkat penyelesaian per unit (%)"),
            rows=[
                (
                    row.label,
                    row.rate,
                    f"{row.rate}%",
                    f"{reverse('hr:dashboard')}?"
                    + urlencode(filters.as_query() | {"unit": row.key.pk}),
                )
                for row in dashboard.by_unit
            ],
            maximum=100,
        ),
    }


@hr_required
def dashboard(request):
    form, filters = filters_from_request(request)
    data = reports.build_dashboard(user=request.user, filters=filters)
    context = {
        "form": form,
        "filters": filters,
        "query": urlencode(filters.as_query()),
        "dashboard": data,
        "scope_root": scope.hr_scope_root(request.user),
        "sees_everyone": scope.sees_everyone(request.user),
        **_dashboard_charts(data),
    }
    return render(request, "hr/dashboard.html", context)


LEARNER_STATUSES = {
    "enrolled": _("terdaftar"),
    "in_progress": _("sedang berjalan"),
    "completed": _("selesai"),
    "below_jp": _("di bawah target JP"),
}


@hr_required
def learners(request):
    """People in scope, optionally narrowed to a status; each links to a record."""
    form, filters = filters_from_request(request)
    status = request.GET.get("status", "")
    if status == "below_jp":
        qs = reports.below_target(request.user, filters)
    else:
        qs = reports.people(request.user, filters).select_related("unit")
        if status in ("enrolled", "in_progress", "completed") or filters.course:
            matching = reports.enrolments(request.user, filters).filter(
                user=OuterRef("user")
            )
            if status == "in_progress":
                matching = matching.filter(status=Enrolment.Status.ACTIVE)
            elif status == "completed":
                matching = matching.filter(status=Enrolment.Status.COMPLETED)
            qs = qs.filter(Exists(matching))
        qs = qs.order_by("full_name", "pk")
    page = Paginator(qs.select_related("jabatan"), LEARNERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = reports.attach_jp(list(page.object_list), year=filters.year)
    params = filters.as_query() | ({"status": status} if status else {})
    return render(
        request,
        "hr/learners.html",
        {
            "form": form,
            "filters": filters,
            "status": status,
            "status_label": LEARNER_STATUSES.get(status, ""),
            "page": page,
            "rows": rows,
            "query": urlencode(params),
            "jp_target": reports.jp_target(),
        },
    )


def _person_in_scope(request, user_id: int):
    person = scope.users_in_scope(request.user).filter(pk=user_id).first()
    if person is None:
        raise Http404(_("Pegawai tidak ditemukan dalam lingkup Anda."))
    return person


@hr_required
def transcript(request, user_id: int):
    person = _person_in_scope(request, user_id)
    data = build_transcript(person=person)
    record_event(
        actor=request.user, action="hr.view_record", target=person, request=request
    )
    return render(
        request,
        "hr/transcript.html",
        {"transcript": data, "jp_target": reports.jp_target()},
    )
