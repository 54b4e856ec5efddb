from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff import twofactor


class Command(BaseCommand):
    help = (
        "Remove a member of staff's authenticator app and recovery codes (for a lost or "
        "replaced phone), confirmed or not, and end their sessions. They set up a new one "
        "at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        removed = twofactor.remove_all_devices(user)
        ended = twofactor.end_sessions(user)
        self.stdout.write(
            f"Removed {removed} authenticator(s) and recovery code set(s) for {username}, "
            f"and signed out of {ended} session(s)."
        )
