"""Per-object permission policies for snippets in the Wagtail admin.

Wagtail's snippet views check rights per model (may this user change questions?),
not per object (may they change *this* question?). The app that owns a snippet
model registers an ``ObjectPermissionPolicy`` for it
(``wagtail.permissions.register_permission_policy``) and shows it with a
``PolicyGuardedSnippetViewSet``: every route of that viewset that names an object,
and its bulk delete, then ask the policy about that object. Listing and choosing
stay the viewset's ``get_queryset`` and chooser (``lms.admin_choosers``).

This module knows no app: the rules themselves live in the owning apps'
``permissions.py``.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
READ_ACTIONS = frozenset({"view", "choose"})


class ObjectPermissionPolicy(ModelPermissionPolicy):
    """A model's Django permissions, narrowed object by object.

    Subclasses say which objects a user may reach (``user_may_reach`` and the same
    rule as a queryset, ``instances_user_may_reach``); the model permissions each
    view checks itself stay as they are. ``instances_posted`` names the objects a
    form post would create or move something into (e.g. the course a question is
    filed under), so that those are asked about too.
    """

    def user_may_reach(self, user, instance, *, write: bool) -> bool:
        raise NotImplementedError

    def instances_user_may_reach(self, user, *, write: bool) -> QuerySet:
        raise NotImplementedError

    def instances_posted(self, data) -> list:
        return []

    # Wagtail's own questions (bulk delete, the delete button, copy, preview).
    def user_has_permission_for_instance(self, user, action, instance):
        write = action not in READ_ACTIONS
        return self._model_allows(user, action, write=write) and self.user_may_reach(
            user, instance, write=write
        )

    def _model_allows(self, user, action, *, write: bool) -> bool:
        # Who may change a model's objects may read them too, as Wagtail's listing
        # and copy views assume (a trainer copies the default template to start).
        return self.user_has_permission(user, action) or (
            not write and self.user_has_permission(user, "change")
        )

    def instances_user_has_any_permission_for(self, user, actions):
        found = self.model._default_manager.none()
        for action in actions:
            if self._model_allows(user, action, write=action not in READ_ACTIONS):
                found |= self.instances_user_may_reach(
                    user, write=action not in READ_ACTIONS
                )
        return found

    def request_may_reach(self, request, pk=None) -> bool:
        """May ``request.user`` open (GET) or change (any other method) the object
        ``pk`` and what the posted form names? A pk that finds nothing passes: the
        view itself answers 404."""
        user = request.user
        if not user.is_authenticated:
            return True  # the admin's own login check answers
        write = request.method not in SAFE_METHODS
        objects = []
        if pk is not None:
            try:
                objects += self.model._default_manager.filter(pk=unquote(str(pk)))
            except (ValueError, ValidationError):
                pass
        if write:
            objects += self.instances_posted(request.POST)
        return all(self.user_may_reach(user, obj, write=write) for obj in objects)


def _policy_for(model):
    policy = policy_registry.get_by_type(model)
    return policy if isinstance(policy, ObjectPermissionPolicy) else None


def guarded_by_policy(view, model):
    """``view``, refusing a request its model's ``ObjectPermissionPolicy`` does not
    allow for the object in the URL (``pk``) and the objects the post names."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        policy = _policy_for(model)
        if policy is not None and not policy.request_may_reach(
            request, kwargs.get("pk")
        ):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


def guarded_bulk_delete(model):
    """Wagtail's bulk delete for ``model``, refusing the whole request when one of
    the chosen objects is out of the user's reach (the confirmation page would
    otherwise name them), and "select all" meaning all the user may reach."""

    class GuardedDeleteBulkAction(DeleteBulkAction):
        models = [model]

        def dispatch(self, request, *args, **kwargs):
            policy = _policy_for(model)
            if policy is not None:
                ids = [pk for pk in request.GET.getlist("id") if pk != "all"]
                if not all(policy.request_may_reach(request, pk) for pk in ids):
                    return permission_denied(request)
            return super().dispatch(request, *args, **kwargs)

        def get_all_objects_in_listing_query(self, parent_id):
            policy = _policy_for(model)
            if policy is None:
                return super().get_all_objects_in_listing_query(parent_id)
            reachable = policy.instances_user_may_reach(self.request.user, write=True)
            return reachable.values_list("pk", flat=True)

    return GuardedDeleteBulkAction


class PolicyGuardedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every per-object route (edit, delete, copy, history,
    usage, inspect, revisions, workflow, lock, preview…) and bulk delete ask the
    model's registered ``ObjectPermissionPolicy`` about the object first."""

    def construct_view(self, view_class, **kwargs):
        return guarded_by_policy(
            super().construct_view(view_class, **kwargs), self.model
        )

    def on_register(self):
        super().on_register()
        # Ordered after wagtail.snippets' own delete action, which it replaces for
        # this model in the bulk action registry.
        hooks.register("register_bulk_action", guarded_bulk_delete(self.model), order=1)
