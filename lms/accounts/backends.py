"""Django's and allauth's sign-in backends, with the signed-in user read from the
cache on every request instead of the database.

The cached user is forgotten whenever the user is saved or deleted (a password
change, a deactivation, the last sign-in) and whenever their roles change, so the
session checks that Django makes (active account, password hash) always see the
current record. It carries the role names that pages show (``shown_role_names``);
permission predicates still ask the database.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend

from lms.cache import remembered_for_person


class CachedUserMixin:
    def get_user(self, user_id):
        def build():
            user = super(CachedUserMixin, self).get_user(user_id)
            if user is not None:
                user.__dict__["_sigap_shown_roles"] = frozenset(
                    user.groups.values_list("name", flat=True)
                )
            return user

        return remembered_for_person(user_id, "user", build)


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's username-and-password backend (used by the admin and tests)."""


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend: sign-in by email."""
