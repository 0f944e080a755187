"""Receivers of the account app's signals, connected in ``AccountsConfig.ready()``.

Signals only where third-party code offers no adapter: Wagtail's user and group
editors, allauth and Django's auth save users and roles, and ``post_migrate``.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from wagtail.log_actions import get_active_log_context

from lms.audit.services import record_event
from lms.cache import forget_person

from .permissions import forget_shown_roles
from .roles import sync_role_permissions


def fill_preferred_language(sender, instance, **kwargs):
    """Everyone's language is stored, Bahasa Indonesia unless they chose English.

    Wagtail reads an empty ``UserProfile.preferred_language`` as "the language of
    the current request": a moderation e-mail would then go out in the language
    of whoever submitted the page, not the recipient's.
    """
    if not instance.preferred_language:
        instance.preferred_language = settings.LANGUAGE_CODE


def forget_cached_user(sender, instance, **kwargs):
    forget_person([instance.pk], drop=("user", "roles"))


def forget_shown_roles_of_members(sender, instance, action, reverse, pk_set, **kwargs):
    """Whoever gained or lost a role sees the links of their new roles at once."""
    if not reverse:
        instance.__dict__.pop("_sigap_shown_roles", None)
        forget_shown_roles([instance.pk])
    elif action == "pre_clear":
        forget_shown_roles(list(instance.user_set.values_list("pk", flat=True)))
    elif pk_set:
        forget_shown_roles(list(pk_set))


def forget_shown_roles_of_group(sender, instance, **kwargs):
    """A role renamed or deleted: its members' links change."""
    forget_shown_roles(list(instance.user_set.values_list("pk", flat=True)))


def record_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or reverse:
        return
    if action == "pre_clear":
        names = list(instance.groups.values_list("name", flat=True))
    else:
        names = list(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    if not names:
        return
    context = get_active_log_context()
    actor = getattr(context, "user", None) if context else None
    instance.__dict__.pop("_sigap_roles", None)
    record_event(
        actor=actor,
        action="role.add" if action == "post_add" else "role.remove",
        target=instance,
        roles=names,
    )


def sync_roles_after_migrate(sender, using="default", **kwargs):
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_role_permissions()
