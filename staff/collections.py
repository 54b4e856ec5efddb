"""The permission policy for images and documents: Wagtail's own (collection permissions,
and uploaders may change what they uploaded), except that deleting needs the "delete"
permission itself. Wagtail's policy treats "change" as enough to delete, so any Editor could
delete any image or document, breaking the live pages that use it. Registered for both
models in StaffConfig.ready()."""

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy


class DeleteNeedsPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return self._check_perm(user, ["delete"])
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = set(actions) - {"delete"}
        if "delete" in actions and self._check_perm(
            user, ["delete"], collection=instance.collection
        ):
            return True
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        others = set(actions) - {"delete"}
        found = (
            super().instances_user_has_any_permission_for(user, others)
            if others
            else self.model._default_manager.none()
        )
        if "delete" in actions:
            deletable = self.model._default_manager.filter(
                collection__in=self._collections_with_perm(user, ["delete"])
            )
            if user.is_active and user.is_superuser:
                deletable = self.model._default_manager.all()
            found = found | deletable
        return found

    def users_with_any_permission(self, actions):
        others = set(actions) - {"delete"}
        found = super().users_with_any_permission(others) if others else None
        if "delete" in actions:
            deleters = self._users_with_perm(["delete"])
            found = deleters if found is None else (found | deleters).distinct()
        return found
