"""The Membership team: the only staff (with superusers) who read and export interest form
submissions. Created by `manage.py setup_groups`."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

MEMBERSHIP_TEAM = "Membership team"


@transaction.atomic
def ensure_membership_team():
    from .models import InterestFormPage

    group, _ = Group.objects.get_or_create(name=MEMBERSHIP_TEAM)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        # Checked by getinvolved.wagtail_hooks for every submissions view.
        Permission.objects.get(
            content_type__app_label="getinvolved", codename="view_interestsubmission"
        ),
    )
    # Wagtail's forms index lists forms only for users with some permission on pages. The
    # team may edit (not publish) the sections holding the forms, e.g. to change who is
    # notified; publishing stays with Publishers through the workflow.
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    for section in {page.get_parent() for page in InterestFormPage.objects.all()}:
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=change)
    return group
