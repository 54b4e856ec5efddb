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


# pagecache/shared_cache.py: FailOpenRedisCache pings and subscribes through Django's private
# RedisCache._cache (its client); HitMemo tells the shared cache's settings apart by
# RedisCache._servers, and polls redis-py's pub/sub socket (Connection._sock) without a round
# trip. tests/test_redis_outage.py and tests/test_page_cache_memo.py show the behaviour with a
# real redis-server.


def test_the_redis_names_the_hit_memo_reads_still_exist():
    import redis
    from django.core.cache.backends.redis import RedisCache

    servers = RedisCache("redis://127.0.0.1:1/0,redis://127.0.0.1:2/0", {})._servers
    assert servers == ["redis://127.0.0.1:1/0", "redis://127.0.0.1:2/0"]
    client = RedisCache("redis://127.0.0.1:1/0", {})._cache  # connects only when used
    assert parameters(client.get_client) == ["key", "write"]
    assert redis.connection.Connection(host="127.0.0.1", port=1)._sock is None  # not connected


# bilingual/sitemap.py overrides the sitemap's private _urls, as Wagtail's does, repeating
# Wagtail's handling of lastmod and adding each page's alternates
# (tests/bilingual/test_sitemap.py shows both). If Wagtail's own _urls changes, compare it
# with ours, then record its new fingerprint here.
WAGTAIL_SITEMAP_URLS = "4bfc0b041a937325"


def fingerprint(text):
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_the_sitemap_method_the_alternates_override_is_unchanged():
    from django.contrib.sitemaps import Sitemap as DjangoSitemap
    from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

    assert "self._urls(page, protocol, domain)" in inspect.getsource(DjangoSitemap.get_urls)
    assert parameters(Sitemap._urls) == ["self", "page", "protocol", "domain"]
    assert fingerprint(inspect.getsource(Sitemap._urls)) == WAGTAIL_SITEMAP_URLS


# Wagtail's admin templates this project copies and changes (each says why at its top), with
# the fingerprint of Wagtail's template each was copied from. If Wagtail changes one, compare
# it with our copy (carry the change over), then record the new fingerprint.
COPIED_TEMPLATES = {
    "editorial/templates/wagtailadmin/generic/multiple_upload/edit_form.html": "d1779ca1205925d5",
    "editorial/templates/wagtailadmin/home/account_summary.html": "ff5c7d30e46778c3",
    "editorial/templates/wagtailimages/multiple/add.html": "d73772d6c64314ee",
    "getinvolved/templates/wagtailforms/content_type_column.html": "129f1f71fa20665b",
}


def wagtails_template(name):
    """The text of the template ``name`` in Wagtail's own apps (not this project's copy)."""
    from pathlib import Path

    import wagtail

    (path,) = Path(wagtail.__file__).parent.glob(f"**/templates/{name}")
    return path.read_text("utf-8")


@pytest.mark.parametrize("copy", sorted(COPIED_TEMPLATES))
def test_the_copied_admin_templates_match_the_wagtail_they_were_copied_from(copy):
    name = copy.split("/templates/", 1)[1]
    assert fingerprint(wagtails_template(name)) == COPIED_TEMPLATES[copy], (
        f"Wagtail changed {name}: compare it with {copy}, then update COPIED_TEMPLATES"
    )


def test_every_template_that_replaces_one_of_wagtails_is_fingerprinted():
    from pathlib import Path

    import wagtail

    root = Path(__file__).resolve().parent.parent
    wagtails = Path(wagtail.__file__).parent
    replacing = []
    for path in root.glob("*/templates/wagtail*/**/*.html"):
        name = str(path.relative_to(root)).split("/templates/", 1)[1]
        extends_it = f'{{% extends "{name}" %}}' in path.read_text("utf-8")
        if list(wagtails.glob(f"**/templates/{name}")) and not extends_it:
            replacing.append(str(path.relative_to(root)))
    assert sorted(replacing) == sorted(COPIED_TEMPLATES)
