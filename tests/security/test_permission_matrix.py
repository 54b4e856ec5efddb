"""Acceptance 3: what each role can do, pinned whole. `manage.py setup_groups` sets every
group to exactly its role, removes what Wagtail's own migrations granted beyond it, and
the two approval steps belong to two different groups."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from getinvolved.access import can_view_submissions
from staff.names import (
    CONTENT_REVIEW,
    EDITORS,
    MEMBERSHIP_TEAM,
    PUBLISHERS,
    REVIEWERS,
    SIGN_OFF,
    WAGTAIL_DEFAULT_GROUP,
    WORKFLOW_NAME,
)
from staff.roles import ROLES
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

images = policy_registry.get_by_type(get_image_model())
documents = policy_registry.get_by_type(get_document_model())

ROLE_NAMES = ["anonymous", EDITORS, REVIEWERS, PUBLISHERS, MEMBERSHIP_TEAM]

# Rows: capability; columns: anonymous, Editors, Reviewers, Publishers, Membership team.
# "page" is a live theme page; "approve …" is while the page waits at that step.
EXPECTED = {
    "use the admin": (0, 1, 1, 1, 1),
    "add a page": (0, 1, 0, 1, 0),
    "edit a page": (0, 1, 0, 1, 0),
    "publish a page": (0, 0, 0, 1, 0),
    "unpublish a page": (0, 0, 0, 1, 0),
    "delete a live page": (0, 0, 0, 1, 0),
    "lock a page": (0, 0, 0, 1, 0),
    "approve Content review": (0, 0, 1, 0, 0),
    "approve Sign-off": (0, 0, 0, 1, 0),
    "add an image": (0, 1, 0, 1, 0),
    "change an image": (0, 1, 0, 1, 0),
    "choose an image": (0, 1, 1, 1, 0),
    "delete an image": (0, 0, 0, 1, 0),
    "add a document": (0, 1, 0, 1, 0),
    "change a document": (0, 1, 0, 1, 0),
    "choose a document": (0, 1, 1, 1, 0),
    "delete a document": (0, 0, 0, 1, 0),
    "add a call to action": (0, 1, 0, 1, 0),
    "change a call to action": (0, 1, 0, 1, 0),
    "delete a call to action": (0, 0, 0, 1, 0),
    "manage promoted search results": (0, 1, 0, 1, 0),
    "change site settings": (0, 0, 0, 0, 0),
    "manage users and groups": (0, 0, 0, 0, 0),
    "read and export submissions": (0, 0, 0, 0, 1),
}


def step_approvers(step_name, page, user):
    task = GroupApprovalTask.objects.get(name=step_name)
    return bool(task.get_actions(page, user))


def capabilities(user, page):
    perms = page.permissions_for_user(user)
    home = page.get_parent()
    return {
        "use the admin": user.has_perm("wagtailadmin.access_admin"),
        "add a page": home.permissions_for_user(user).can_add_subpage(),
        "edit a page": perms.can_edit(),
        "publish a page": perms.can_publish(),
        "unpublish a page": perms.can_unpublish(),
        "delete a live page": perms.can_delete(),
        # (Wagtail's lock check reads permissions it never looked up for anonymous users.)
        "lock a page": user.is_authenticated and perms.can_lock(),
        "approve Content review": step_approvers(CONTENT_REVIEW, page, user),
        "approve Sign-off": step_approvers(SIGN_OFF, page, user),
        **{
            f"{action} an image": images.user_has_permission(user, action)
            for action in ("add", "change", "choose", "delete")
        },
        **{
            f"{action} a document": documents.user_has_permission(user, action)
            for action in ("add", "change", "choose", "delete")
        },
        **{
            f"{action} a call to action": user.has_perm(f"core.{action}_reusablecalltoaction")
            for action in ("add", "change", "delete")
        },
        "manage promoted search results": all(
            user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
            for action in ("add", "change", "delete")
        ),
        "change site settings": user.has_perm("core.change_sitesettings"),
        "manage users and groups": user.has_perm("auth.change_user")
        or user.has_perm("auth.change_group"),
        "read and export submissions": can_view_submissions(user),
    }


def member_of(django_user_model, group_name):
    if group_name == "anonymous":
        return AnonymousUser()
    user = django_user_model.objects.create_user(group_name.lower().replace(" ", "-"))
    user.groups.add(Group.objects.get(name=group_name))
    return django_user_model.objects.get(pk=user.pk)  # no cached permissions


@pytest.fixture
def roles(starter_site):
    call_command("setup_groups", stdout=io.StringIO())


def test_the_whole_permission_matrix(roles, django_user_model):
    page = ThemePage.objects.get(slug="belonging-and-agency")
    found = {name: {} for name in EXPECTED}
    for role in ROLE_NAMES:
        user = member_of(django_user_model, role)
        for name, allowed in capabilities(user, page).items():
            found[name][role] = int(bool(allowed))
    actual = {name: tuple(found[name][role] for role in ROLE_NAMES) for name in EXPECTED}
    assert actual == EXPECTED


def test_only_publishers_can_publish_and_the_two_steps_belong_to_two_groups(roles):
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    publishing = Group.objects.filter(page_permissions__permission=publish).distinct()
    assert [group.name for group in publishing] == [PUBLISHERS]
    # Wagtail's default Moderators group (which could publish) is gone.
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(ROLES)

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    approvers = [
        list(task.specific.groups.values_list("name", flat=True)) for task in workflow.tasks
    ]
    assert approvers == [[REVIEWERS], [PUBLISHERS]]
    # The project's workflow is the only active one, and applies to every page.
    assert list(Workflow.objects.filter(active=True)) == [workflow]
    assert list(WorkflowPage.objects.values_list("page__depth", "workflow__name")) == [
        (1, WORKFLOW_NAME)
    ]


def test_setup_takes_away_whatever_was_granted_beyond_each_role(roles, django_user_model):
    editors = Group.objects.get(name=EDITORS)
    root = Collection.get_first_root_node()
    # Drift: an administrator grants Editors deletion and publishing by hand, and someone
    # recreates Wagtail's Moderators group with publishing rights.
    for codename in ("delete_image", "delete_document"):
        GroupCollectionPermission.objects.create(
            group=editors,
            collection=root,
            permission=Permission.objects.get(codename=codename),
        )
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(
        group=editors, page=Page.objects.get(depth=2), permission=publish
    )
    editors.permissions.add(Permission.objects.get(codename="change_sitesettings"))
    moderators = Group.objects.create(name=WAGTAIL_DEFAULT_GROUP)
    GroupPagePermission.objects.create(
        group=moderators, page=Page.get_first_root_node(), permission=publish
    )
    editor = member_of(django_user_model, EDITORS)
    assert images.user_has_permission(editor, "delete")

    output = io.StringIO()
    call_command("setup_groups", stdout=output)
    call_command("setup_groups", stdout=io.StringIO())  # and again: nothing changes

    editor = django_user_model.objects.get(pk=editor.pk)
    assert not images.user_has_permission(editor, "delete")
    assert not documents.user_has_permission(editor, "delete")
    assert not ThemePage.objects.first().permissions_for_user(editor).can_publish()
    assert not editor.has_perm("core.change_sitesettings")
    assert not Group.objects.filter(name=WAGTAIL_DEFAULT_GROUP).exists()
    assert GroupPagePermission.objects.filter(permission=publish).count() == 1
    assert "Groups up to date" in output.getvalue()
