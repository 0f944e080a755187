from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Akun dan profil ASN")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Django's own hook: models added by later migrations (quiz, certificates)
        # get their permissions only after migrate, so the roles are synced then.
        post_migrate.connect(_sync_roles_after_migrate, sender=self)

        from django.db.models.signals import m2m_changed

        from .models import User

        # Role changes happen in Wagtail's user editor (third-party code with no
        # adapter), so a signal is the way to put them in the audit trail.
        m2m_changed.connect(
            _record_role_change,
            sender=User.groups.through,
            dispatch_uid="sigap_record_role_change",
        )

        from django.contrib.auth.models import Group
        from django.db.models.signals import post_delete, post_save, pre_delete

        m2m_changed.connect(
            _forget_shown_roles_of_members,
            sender=User.groups.through,
            dispatch_uid="sigap_forget_shown_roles",
        )
        post_save.connect(
            _forget_shown_roles_of_group,
            sender=Group,
            dispatch_uid="sigap_forget_shown_roles_group_save",
        )
        pre_delete.connect(
            _forget_shown_roles_of_group,
            sender=Group,
            dispatch_uid="sigap_forget_shown_roles_group_delete",
        )
        # The signed-in user is read from the cache (``lms.accounts.backends``);
        # allauth, Wagtail's user editor and Django's auth save users too.
        post_save.connect(
            _forget_cached_user, sender=User, dispatch_uid="sigap_forget_user_save"
        )
        post_delete.connect(
            _forget_cached_user, sender=User, dispatch_uid="sigap_forget_user_delete"
        )


def _forget_cached_user(sender, instance, **kwargs):
    from lms.cache import forget_person

    forget_person([instance.pk], drop=("user", "roles"))


def _forget_shown_roles_of_members(sender, instance, action, reverse, pk_set, **kwargs):
    """Whoever gained or lost a role sees the links of their new roles at once."""
    from .permissions import forget_shown_roles

    if not reverse:
        instance.__dict__.pop("_sigap_shown_roles", None)
        forget_shown_roles([instance.pk])
    elif action == "pre_clear":
        forget_shown_roles(list(instance.user_set.values_list("pk", flat=True)))
    elif pk_set:
        forget_shown_roles(list(pk_set))


def _forget_shown_roles_of_group(sender, instance, **kwargs):
    """A role renamed or deleted: its members' links change."""
    from .permissions import forget_shown_roles

    forget_shown_roles(list(instance.user_set.values_list("pk", flat=True)))


def _record_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or reverse:
        return
    from django.contrib.auth.models import Group
    from wagtail.log_actions import get_active_log_context

    from lms.audit.services import record_event

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


def _sync_roles_after_migrate(sender, using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .roles import sync_role_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_role_permissions()
