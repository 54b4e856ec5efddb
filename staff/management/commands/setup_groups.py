from django.core.management.base import BaseCommand

from staff.names import WORKFLOW_NAME
from staff.roles import ROLES, ensure_roles, remove_wagtail_defaults


class Command(BaseCommand):
    help = (
        "Set the staff groups (Editors, Reviewers, Publishers, Membership team) to exactly "
        "their intended permissions, with the Two-step approval workflow, and remove Wagtail's "
        "default Moderators group and workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        moved = remove_wagtail_defaults()
        ensure_roles()
        if moved:
            self.stdout.write(
                self.style.WARNING(
                    f"Removed Wagtail's default Moderators group; its members ({', '.join(moved)}) "
                    "lost its rights: add them to Reviewers or Publishers under Settings → Groups."
                )
            )
        self.stdout.write(f"Groups up to date: {', '.join(ROLES)}; workflow: {WORKFLOW_NAME}.")
