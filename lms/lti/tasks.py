"""Background LTI work: scores to the platforms, old login states away."""

import datetime

from django.utils import timezone
from django_tasks import task

from lms.scheduler import periodic

from .launch import STATE_SECONDS
from .models import LtiDeepLinkRequest, LtiLaunchState
from .sending import send_due


@periodic(every=datetime.timedelta(minutes=1))
@task()
def send_lti_scores() -> dict:
    """Every minute: send the AGS scores that are due."""
    run = send_due()
    return {"sent": run.sent, "failed": run.failed, "stopped": run.stopped_early}


@periodic(every=datetime.timedelta(hours=1))
@task()
def forget_old_lti_logins() -> int:
    """Login states and deep linking pickers past their time are of no use (a
    launch or an answer would be refused)."""
    cutoff = timezone.now() - datetime.timedelta(seconds=2 * STATE_SECONDS)
    deleted, _rows = LtiLaunchState.objects.filter(created_at__lt=cutoff).delete()
    pickers, _rows = LtiDeepLinkRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted + pickers
