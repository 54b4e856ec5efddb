from django.core.management.base import BaseCommand

from sitesetup.roles import ensure_editorial_roles, ensure_membership_team


class Command(BaseCommand):
    help = (
        "Create the staff groups: Editors and Publishers with the approval workflow, and the "
        "Membership team, who alone read interest form submissions. Safe to run again."
    )

    def handle(self, *args, **options):
        groups = [*ensure_editorial_roles().values(), ensure_membership_team()]
        self.stdout.write(f"Groups up to date: {', '.join(group.name for group in groups)}.")
