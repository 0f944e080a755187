"""The person's notifications (/notifikasi/): list, open (marks read), all read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import selectors, services

PER_PAGE = 30


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_of(user=request.user), PER_PAGE).get_page(
        request.GET.get("halaman")
    )
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, notification_id: int):
    notification = services.mark_read(
        user=request.user, notification_id=notification_id
    )
    if notification is None:
        raise Http404
    link = notification.link
    if not url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        link = "/"
    return redirect(link)


@login_required
@require_POST
def notification_read_all(request):
    services.mark_all_read(user=request.user)
    return redirect("notifications:list")
