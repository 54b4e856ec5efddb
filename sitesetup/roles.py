"""The editorial roles and the publishing workflow, created idempotently by
``manage.py setup_groups`` (which ``make run`` calls).

- Editors create and edit pages, images, documents and shared calls to action, and submit
  pages for moderation. They cannot publish.
- Publishers do all that and approve, publish and unpublish.
- Every page goes through a two-step workflow ("Content review", then "Sign-off"), each
  step approved by a Publisher.
- The Membership team alone (with superusers) reads and exports interest form submissions;
  it holds no page permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MEMBERSHIP_TEAM = "Membership team"
PUBLISHERS = "Publishers"
WORKFLOW_NAME = "Two-step approval"
WORKFLOW_STEPS = ["Content review", "Sign-off"]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    PUBLISHERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    PUBLISHERS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "core.add_reusablecalltoaction",
        "core.change_reusablecalltoaction",
        "core.view_reusablecalltoaction",
    ],
    PUBLISHERS: [
        "wagtailadmin.access_admin",
        "core.add_reusablecalltoaction",
        "core.change_reusablecalltoaction",
        "core.view_reusablecalltoaction",
        "core.delete_reusablecalltoaction",
        "wagtailcore.view_workflowstate",
    ],
}


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def ensure_editorial_roles():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, PUBLISHERS):
        group, _ = Group.objects.get_or_create(name=name)
        wanted = {page_permission(codename) for codename in PAGE_PERMISSIONS[name]}
        # Exactly these rights on the whole tree: an earlier grant of publish to Editors
        # (e.g. by hand) is taken away, so the workflow cannot be bypassed.
        GroupPagePermission.objects.filter(group=group).exclude(permission__in=wanted).delete()
        for perm in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)
        for codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"],
                    codename=codename,
                ),
            )
        group.permissions.add(*[permission(dotted) for dotted in MODEL_PERMISSIONS[name]])
        groups[name] = group
    ensure_workflow(groups[PUBLISHERS], root_page)
    return groups


def ensure_workflow(approvers, root_page):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, step in enumerate(WORKFLOW_STEPS):
        task = GroupApprovalTask.objects.filter(name=step).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=step)
        task.groups.set([approvers])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task.task_ptr, defaults={"sort_order": order}
        )
    # The workflow assigned to the root page applies to every page below it.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_membership_team():
    group, _ = Group.objects.get_or_create(name=MEMBERSHIP_TEAM)
    # getinvolved.access lets in exactly the holders of view_interestsubmission.
    group.permissions.add(
        permission("wagtailadmin.access_admin"),
        permission("getinvolved.view_interestsubmission"),
    )
    # No page permissions: the team reads submissions through its own forms index and
    # cannot edit pages.
    GroupPagePermission.objects.filter(group=group).delete()
    return group
