"""The team page (/tim/) of a supervisor (atasan langsung): thin views."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import Enrolment
from lms.accounts.models import AsnProfile
from lms.ratelimit import rate_limited, refuse_secret_miss

from . import services
from .permissions import has_team
from .selectors import team_of


@login_required
def index(request):
    """The supervisor's team; 404 for anyone who has no team."""
    if not has_team(request.user):
        raise Http404(_("Anda tidak memiliki anggota tim."))
    profile = AsnProfile.objects.filter(user=request.user).first()
    return render(
        request,
        "team/index.html",
        {
            "members": team_of(supervisor=request.user),
            "digest_opt_out": bool(profile and profile.supervisor_digest_opt_out),
        },
    )


@require_POST
@login_required
@rate_limited("SIGAP_EMAIL_BUTTON_RATE", group="team-nudge", per_user=True)
def nudge(request, enrolment_id: int):
    """*Ingatkan*: one team member, one course (not completed)."""
    enrolment = (
        Enrolment.objects.select_related("user", "course")
        .filter(pk=enrolment_id)
        .first()
    )
    try:
        if enrolment is None:
            raise services.NudgeRefused
        services.nudge(supervisor=request.user, enrolment=enrolment, request=request)
    except services.NudgeRefused:
        raise Http404(_("Pendaftaran tidak ditemukan di tim Anda.")) from None
    except services.NudgeTooSoon:
        messages.info(
            request,
            _(
                "Pegawai ini sudah diingatkan tentang kursus ini dalam "
                "%(hours)d jam terakhir."
            )
            % {"hours": settings.SIGAP_TEAM_NUDGE_HOURS},
        )
    else:
        messages.success(
            request,
            _("Pengingat dikirim ke %(name)s.") % {"name": enrolment.user.display_name},
        )
    return redirect("team:index")


@require_POST
@login_required
def digest_preference(request):
    """The supervisor turns the weekly digest on or off (settings on /tim/)."""
    if not has_team(request.user):
        raise Http404(_("Anda tidak memiliki anggota tim."))
    opt_out = request.POST.get("digest") != "on"
    services.set_digest_opt_out(user=request.user, opt_out=opt_out)
    messages.success(
        request,
        _("Ringkasan mingguan tidak dikirim lagi.")
        if opt_out
        else _("Ringkasan mingguan akan dikirim setiap Senin."),
    )
    return redirect("team:index")


@require_http_methods(["GET", "POST"])
def digest_opt_out(request, token: str):
    """The link in the digest e-mail: a confirmation page (GET, so that mail
    scanners following links change nothing), one button (POST)."""
    user = services.user_from_opt_out_token(token)
    if user is None:
        if refused := refuse_secret_miss(request):
            return refused
        raise Http404(_("Tautan tidak sah."))
    done = False
    if request.method == "POST":
        services.set_digest_opt_out(user=user, opt_out=True)
        done = True
    return render(request, "team/digest_opt_out.html", {"done": done})
