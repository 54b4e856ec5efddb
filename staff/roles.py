"""The staff roles and the publishing workflow (their names: names.py), set exactly and
idempotently by ``manage.py setup_groups`` (which ``make run`` calls).

- Editors create and edit pages, images, documents and shared calls to action, and submit
  pages for approval. They cannot publish, and cannot delete images or documents (a deleted
  image or document breaks the live pages that use it).
- Reviewers approve the first step ("Content review") of the workflow. They hold no page
  rights of their own: Wagtail opens a page's editor to them while it waits for their step.
- Publishers approve the second step ("Sign-off"), which publishes the page; they can also
  publish, unpublish and lock pages, and delete images and documents. The rule that keeps
  other people's drafts on the workflow is in editorial/publishing.py.
- The Membership team alone (with superusers) reads and exports interest form submissions;
  it holds no rights on pages, images or documents.

Each run makes every group hold exactly ``ROLES`` (pages, collections, snippets, settings,
submissions), whatever was granted by hand or by Wagtail's own migrations since: Wagtail's
default "Moderators" group (which could publish) is deleted, and its "Moderators approval"
workflow is deactivated so that only the Two-step approval workflow exists.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_workflow_enabled_models

from .names import (
    EDITORS,
    MEMBERSHIP_TEAM,
    PUBLISHERS,
    REVIEWERS,
    STEP_APPROVERS,
    WAGTAIL_DEFAULT_GROUP,
    WAGTAIL_DEFAULT_WORKFLOW,
    WORKFLOW_NAME,
    WORKFLOW_STEPS,
)

IMAGE_AND_DOCUMENT_USE = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# Settings → Promoted search results (wagtail.contrib.search_promotions).
SEARCH_PROMOTIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
]
# "Translate" on a page (wagtail.contrib.simple_translation): a Welsh copy to translate.
# Translators are Editors (issue 20): they translate the copy in the page editor and send
# it through the same two-step approval; the Welsh tree is under the root page the workflow
# and the page permissions are given on, so both apply to it.
TRANSLATING = ["simple_translation.submit_translation"]
CALL_TO_ACTION_EDITING = [
    "core.add_reusablecalltoaction",
    "core.change_reusablecalltoaction",
    "core.view_reusablecalltoaction",
]


@dataclass(frozen=True)
class Role:
    """What one group holds, exactly: page permissions on the whole tree, image and document
    permissions on every collection, and model permissions (admin access, snippets, site
    settings, submissions). Nothing else."""

    pages: list = field(default_factory=list)
    collections: list = field(default_factory=list)
    models: list = field(default_factory=list)


ROLES = {
    EDITORS: Role(
        pages=["add_page", "change_page"],
        collections=IMAGE_AND_DOCUMENT_USE,
        models=[
            "wagtailadmin.access_admin",
            *CALL_TO_ACTION_EDITING,
            *SEARCH_PROMOTIONS,
            *TRANSLATING,
        ],
    ),
    # Reviewers may correct a page while it waits for them (Wagtail opens the editor to a
    # step's approvers), so they may choose images and documents, not upload or delete them.
    REVIEWERS: Role(
        collections=["wagtailimages.choose_image", "wagtaildocs.choose_document"],
        models=["wagtailadmin.access_admin"],
    ),
    PUBLISHERS: Role(
        pages=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        collections=[
            *IMAGE_AND_DOCUMENT_USE,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
        models=[
            "wagtailadmin.access_admin",
            *CALL_TO_ACTION_EDITING,
            *SEARCH_PROMOTIONS,
            *TRANSLATING,
            "core.delete_reusablecalltoaction",
            # Approving the last step publishes: the shared call to action needs the right.
            "core.publish_reusablecalltoaction",
            # Reports > Workflows: where every page in the workflow stands.
            "wagtailcore.view_workflowstate",
        ],
    ),
    # getinvolved.access lets in exactly the holders of view_interestsubmission.
    MEMBERSHIP_TEAM: Role(
        models=["wagtailadmin.access_admin", "getinvolved.view_interestsubmission"],
    ),
}


def permissions(dotted_names):
    """The Permission rows named "app_label.codename"; an unknown name is an error."""
    wanted = Q(pk__in=[])
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(wanted).select_related("content_type"))
    missing = set(dotted_names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise LookupError(f"Unknown permissions: {', '.join(sorted(missing))}")
    return found


def set_role(group, role, root_page, root_collection):
    """Make ``group`` hold exactly ``role``: grants it lacks are added, all others removed."""
    page_perms = permissions([f"wagtailcore.{codename}" for codename in role.pages])
    GroupPagePermission.objects.filter(group=group).exclude(
        page=root_page, permission__in=page_perms
    ).delete()
    for perm in page_perms:
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)

    collection_perms = permissions(role.collections)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root_collection, permission__in=collection_perms
    ).delete()
    for perm in collection_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=perm
        )

    group.permissions.set(permissions(role.models))


@transaction.atomic
def ensure_roles():
    """Create or correct every group in ROLES and the workflow; return {name: group}."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, role in ROLES.items():
        groups[name], _ = Group.objects.get_or_create(name=name)
        set_role(groups[name], role, root_page, root_collection)
    ensure_workflow(groups, root_page)
    return groups


def remove_wagtail_defaults():
    """Delete Wagtail's default Moderators group and deactivate its default workflow.
    Returns the usernames that were in the group (they lose its rights: add them to
    Reviewers or Publishers)."""
    usernames = []
    moderators = Group.objects.filter(name=WAGTAIL_DEFAULT_GROUP).first()
    if moderators is not None:
        usernames = sorted(moderators.user_set.values_list("username", flat=True))
        moderators.delete()  # its page and collection permissions go with it
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        # Deactivating cancels its in-progress reviews and unassigns it from every page.
        workflow.deactivate()
    Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).update(active=False)
    return usernames


def ensure_workflow(groups, root_page):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    steps = []
    for order, step in enumerate(WORKFLOW_STEPS):
        task = GroupApprovalTask.objects.filter(name=step).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=step)
        elif not task.active:
            task.active = True
            task.save(update_fields=["active"])
        task.groups.set([groups[STEP_APPROVERS[step]]])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task.task_ptr, defaults={"sort_order": order}
        )
        steps.append(task.task_ptr)
    # Exactly these steps, in this order.
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=steps).delete()
    # The workflow assigned to the root page applies to every page below it; no page
    # has a workflow of its own.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    WorkflowPage.objects.exclude(page=root_page).delete()
    # Shared snippets with drafts (the call to action on many pages) go through it too.
    for model in get_workflow_enabled_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow
