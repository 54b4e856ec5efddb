import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Everything 'make run' needs after migrating: the starter content, the staff groups "
        "and, with development settings only, a local admin account. Safe to run again."
    )

    def handle(self, *args, **options):
        call_command("load_starter_content", stdout=self.stdout)
        call_command("load_welsh_drafts", stdout=self.stdout)
        call_command("setup_groups", stdout=self.stdout)
        call_command("set_site_address", stdout=self.stdout)
        if getattr(settings, "CREATE_LOCAL_ADMIN", False):
            self.ensure_local_admin()

    def ensure_local_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Local admin account 'admin' exists (its password was printed when it was "
                "created; reset it with: .venv/bin/python manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        port = os.environ.get("PORT", "8000")
        User.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created local admin account. Sign in at http://127.0.0.1:{port}/admin/ with\n"
                f"  username: admin\n  password: {password}\n"
                "This password is shown only once."
            )
        )
