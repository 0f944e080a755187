"""E-mails from templates: one kind of e-mail is ``templates/email/<kind>_subject.txt``
and ``<kind>.txt`` (plus ``<kind>.html`` where it has one), rendered in the
recipient's language, with absolute links built from ``SITE_URL`` and ``reverse()``
(never the request's host, which a client chooses). Bottom layer: imports no app.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation

from lms.steps import run_steps


def absolute_url(viewname: str, *args, fragment: str = "", **kwargs) -> str:
    """The public address of a view, for a link in an e-mail."""
    path = reverse(viewname, args=args or None, kwargs=kwargs or None)
    return settings.SITE_URL + path + (f"#{fragment}" if fragment else "")


def recipient_language(user) -> str:
    """The language to write to ``user`` in: the one they chose in their Wagtail
    account settings, else the site's (``LANGUAGE_CODE``). Learners have no
    stored choice: the footer's switcher only sets a browser cookie."""
    profile = getattr(user, "wagtail_userprofile", None)
    chosen = getattr(profile, "preferred_language", "") or ""
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


def render_email(*, kind: str, language: str, context: dict) -> EmailMultiAlternatives:
    """The e-mail ``kind`` rendered in ``language``, not yet addressed or sent."""
    with translation.override(language):
        subject = render_to_string(f"email/{kind}_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),  # one line, whatever the template
            body=render_to_string(f"email/{kind}.txt", context),
        )
        try:
            html = get_template(f"email/{kind}.html")
        except TemplateDoesNotExist:
            pass
        else:
            message.attach_alternative(html.render(context), "text/html")
    return message


def send_email(*, kind: str, to, context: dict, link: str = "") -> None:
    """Send the e-mail ``kind`` to the user ``to``, in their language. With
    ``link`` (the address the e-mail is about, in Sigap), it is also an in-app
    notification leading there (``SIGAP_NOTIFICATION_STEPS``); e-mails carrying a
    secret (a password link, an opt-out token) are sent without one."""
    message = render_email(kind=kind, language=recipient_language(to), context=context)
    message.to = [to.email]
    message.send()
    if link:
        run_steps(
            "SIGAP_NOTIFICATION_STEPS",
            to=to,
            kind=kind,
            title=message.subject,
            link=link,
        )
