"""The Membership team: the only staff (with superusers) who read and export interest form
submissions. Created by `manage.py setup_groups`."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

MEMBERSHIP_TEAM = "Membership team"


@transaction.atomic
def ensure_membership_team():

    group, _ = Group.objects.get_or_create(name=MEMBERSHIP_TEAM)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        # Checked by getinvolved.wagtail_hooks for every submissions view.
        Permission.objects.get(
            content_type__app_label="getinvolved", codename="view_interestsubmission"
        ),
    )
    # No page permissions: the team reads submissions through its own forms index
    # (getinvolved.wagtail_hooks) and cannot edit pages.
    GroupPagePermission.objects.filter(group=group).delete()
    return group
