from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Akun dan profil ASN")

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        from django.contrib.auth.models import Group
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
            pre_delete,
            pre_save,
        )
        from wagtail.users.models import UserProfile

        from .models import User
        from .receivers import (
            fill_preferred_language,
            forget_cached_user,
            forget_shown_roles_of_group,
            forget_shown_roles_of_members,
            record_role_change,
            sync_roles_after_migrate,
        )

        # Django's own hook: models added by later migrations (quiz, certificates)
        # get their permissions only after migrate, so the roles are synced then.
        post_migrate.connect(sync_roles_after_migrate, sender=self)

        # Wagtail creates its user profiles itself (account settings, before a
        # notification); the language stored there is everyone's language.
        pre_save.connect(
            fill_preferred_language,
            sender=UserProfile,
            dispatch_uid="sigap_fill_preferred_language",
        )

        # Role changes happen in Wagtail's user editor (third-party code with no
        # adapter), so a signal is the way to put them in the audit trail.
        m2m_changed.connect(
            record_role_change,
            sender=User.groups.through,
            dispatch_uid="sigap_record_role_change",
        )

        m2m_changed.connect(
            forget_shown_roles_of_members,
            sender=User.groups.through,
            dispatch_uid="sigap_forget_shown_roles",
        )
        post_save.connect(
            forget_shown_roles_of_group,
            sender=Group,
            dispatch_uid="sigap_forget_shown_roles_group_save",
        )
        pre_delete.connect(
            forget_shown_roles_of_group,
            sender=Group,
            dispatch_uid="sigap_forget_shown_roles_group_delete",
        )
        # The signed-in user is read from the cache (``lms.accounts.backends``);
        # allauth, Wagtail's user editor and Django's auth save users too.
        post_save.connect(
            forget_cached_user, sender=User, dispatch_uid="sigap_forget_user_save"
        )
        post_delete.connect(
            forget_cached_user, sender=User, dispatch_uid="sigap_forget_user_delete"
        )
