#!/usr/bin/env python
import os
import sys


def refuse_default_settings_for_postgresql():
    """Development settings are the default only for a local SQLite database. A DATABASE_URL
    naming PostgreSQL means a real installation (production, or CI), where a worker or
    `setup_site` started without DJANGO_SETTINGS_MODULE must not fall back to development
    settings (console email, a local admin account): it stops here instead."""
    if "DJANGO_SETTINGS_MODULE" in os.environ:
        return
    if os.environ.get("DATABASE_URL", "").strip().lower().startswith(("postgres", "pgsql")):
        sys.exit(
            "DATABASE_URL points at PostgreSQL but DJANGO_SETTINGS_MODULE is not set. Set "
            "DJANGO_SETTINGS_MODULE=config.settings.production (or config.settings.dev for a "
            "development database on PostgreSQL)."
        )


if __name__ == "__main__":
    refuse_default_settings_for_postgresql()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
