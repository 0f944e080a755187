"""Django's and allauth's sign-in backends, with the signed-in user read from the
cache on every request instead of the database.

The cached user is forgotten whenever the user is saved or deleted (a password
change, a deactivation, the last sign-in) and whenever their roles change, so the
session checks that Django makes (active account, password hash) always see the
current record. It carries the role names that pages show (``shown_role_names``)
and whether the person has a team (``has_team``: forgotten when HR changes a
supervisor); permission predicates still ask the database.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from lms.cache import remembered_for_person

from .models import AsnProfile, User


class CachedUserMixin:
    def get_user(self, user_id):
        def build():
            # ModelBackend.get_user, with "has a team" (the navigation's "Tim
            # saya", ``permissions.has_team``) read in the same query.
            user = (
                User._default_manager.annotate(
                    sigap_has_team=Exists(
                        AsnProfile.objects.filter(
                            supervisor=OuterRef("pk"), user__is_active=True
                        )
                    )
                )
                .filter(pk=user_id)
                .first()
            )
            if user is None or not self.user_can_authenticate(user):
                return None
            user.__dict__["_sigap_has_team"] = bool(user.sigap_has_team)
            user.__dict__["_sigap_shown_roles"] = frozenset(
                user.groups.values_list("name", flat=True)
            )
            return user

        return remembered_for_person(user_id, "user", build)


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's username-and-password backend (used by the admin and tests)."""


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend: sign-in by email."""
