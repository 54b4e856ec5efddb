"""Tripwires: every place the project leans on Wagtail (or Django) beyond its public API,
each checked against the installed version, so that an upgrade which renames or changes one
fails here instead of silently serving the wrong thing (issue 16, acceptance 3).
docs/upgrading.md lists the same places and what to do when one of these fails."""

import inspect

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from wagtail.admin.views.generic.mixins import (
    CreateEditViewOptionalFeaturesMixin,
    JsonPostResponseMixin,
)
from wagtail.admin.views.pages.edit import EditView
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from editorial.admin_requests import is_autosave
from staff.collections import DeleteNeedsPermissionPolicy


def parameters(function):
    return list(inspect.signature(function).parameters)


# editorial/admin_requests.py: Wagtail's autosave is told apart by its Accept header, as Wagtail's
# own views do (JsonPostResponseMixin.expects_json_response).


@pytest.mark.parametrize(
    "accept, autosave",
    [("application/json", True), ("text/html,application/xhtml+xml,*/*;q=0.8", False)],
)
def test_autosave_is_recognised_as_wagtail_recognises_it(accept, autosave):
    request = RequestFactory().post("/admin/pages/3/edit/", headers={"Accept": accept})
    view = JsonPostResponseMixin()
    view.request = request
    assert issubclass(EditView, JsonPostResponseMixin)
    assert view.expects_json_response is autosave
    assert is_autosave(request) is autosave


# editorial/admin_views.py: the editor's approval message overrides two methods of Wagtail's page
# EditView and one of the snippet views' mixin (tests/test_approval_feedback.py shows the
# messages; these fail first, with the name, if Wagtail renames them).


def test_the_editor_methods_the_approval_messages_override_still_exist():
    assert parameters(EditView.perform_workflow_action) == ["self"]
    assert parameters(EditView.add_save_confirmation_message) == ["self"]
    assert parameters(CreateEditViewOptionalFeaturesMixin.workflow_action_action) == ["self"]


# staff/collections.py: the image and document policy calls three private helpers of
# Wagtail's CollectionOwnershipPermissionPolicy. For everything but "delete" it must answer
# exactly as Wagtail's own policy does.


def test_the_collection_policy_helpers_keep_their_signatures():
    policy = CollectionOwnershipPermissionPolicy
    assert parameters(policy._check_perm) == ["self", "user", "actions", "collection"]
    assert parameters(policy._collections_with_perm) == ["self", "user", "actions"]
    assert parameters(policy._users_with_perm) == ["self", "actions", "collection"]


@pytest.mark.django_db
def test_the_collection_policy_answers_as_wagtails_for_everything_but_delete(django_user_model):
    image_model = get_image_model()
    root = Collection.get_first_root_node()
    group = Group.objects.create(name="Image changers")
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root,
            permission=Permission.objects.get(codename=codename),
        )
    changer = django_user_model.objects.create_user("changer")
    changer.groups.add(group)
    uploader = django_user_model.objects.create_user("uploader")
    image = image_model.objects.create(
        title="A garden", file=get_test_image_file(), uploaded_by_user=uploader
    )
    ours = DeleteNeedsPermissionPolicy(
        image_model, auth_model=image_model, owner_field_name="uploaded_by_user"
    )
    wagtails = CollectionOwnershipPermissionPolicy(
        image_model, auth_model=image_model, owner_field_name="uploaded_by_user"
    )
    for user in (changer, uploader):
        for actions in (["change"], ["add", "change"], ["choose"]):
            assert ours.user_has_any_permission(user, actions) == (
                wagtails.user_has_any_permission(user, actions)
            )
            assert ours.user_has_any_permission_for_instance(user, actions, image) == (
                wagtails.user_has_any_permission_for_instance(user, actions, image)
            )
            assert set(ours.instances_user_has_any_permission_for(user, actions)) == set(
                wagtails.instances_user_has_any_permission_for(user, actions)
            )
        assert set(ours.users_with_any_permission(["change"])) == set(
            wagtails.users_with_any_permission(["change"])
        )
    # And where they differ on purpose: Wagtail lets "change" delete.
    assert wagtails.user_has_permission_for_instance(changer, "delete", image)
    assert not ours.user_has_permission_for_instance(changer, "delete", image)


# sitesetup/fulljson.py: the backup's serialiser sets its JSON encoder in Django's private
# Serializer._init_options, to keep times to the microsecond.


def test_the_backup_serialiser_keeps_times_to_the_microsecond():
    import json
    from datetime import UTC, datetime

    from django.contrib.auth.models import User
    from django.core import serializers
    from django.core.serializers import json as django_json

    import sitesetup.backup  # noqa: F401 - registers the "backupjson" format

    assert parameters(django_json.Serializer._init_options) == ["self"]
    joined = datetime(2026, 12, 7, 2, 40, 53, 662516, tzinfo=UTC)
    user = User(pk=1, username="a", date_joined=joined)
    dumped = serializers.serialize("backupjson", [user], fields=["date_joined"])
    assert json.loads(dumped)[0]["fields"]["date_joined"] == joined.isoformat()
