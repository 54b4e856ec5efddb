from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from wagtail.models import GroupPagePermission

MEMBERSHIP_TEAM = "Membership team"


class Command(BaseCommand):
    help = (
        "Create the 'Membership team' group: reads and exports interest form submissions, "
        "which other editors cannot. Safe to run again."
    )

    def handle(self, *args, **options):
        from getinvolved.models import InterestFormPage

        group, created = Group.objects.get_or_create(name=MEMBERSHIP_TEAM)
        group.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            Permission.objects.get(
                codename="view_interestsubmission", content_type__app_label="getinvolved"
            ),
        )
        # Wagtail's forms index lists forms only for users with some permission on pages.
        # The team may edit (not publish) the section holding the forms, e.g. to change who
        # is notified; publishing stays with the editors.
        sections = {page.get_parent() for page in InterestFormPage.objects.all()}
        change = Permission.objects.get(
            codename="change_page", content_type__app_label="wagtailcore"
        )
        for section in sections:
            GroupPagePermission.objects.get_or_create(group=group, page=section, permission=change)
        self.stdout.write(
            f"Group '{MEMBERSHIP_TEAM}' {'created' if created else 'up to date'}"
            f" ({len(sections)} form section(s))."
        )
