"""Production settings use the real services behind the forms: Redis for the shared rate
limit, the database task backend for emails, and the retention period from the environment."""

import os
import subprocess
import sys

from django.conf import settings

PROGRAM = (
    "import django; django.setup()\n"
    "from django.conf import settings\n"
    "print(settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION'])\n"
    "print(settings.TASKS['default']['BACKEND'])\n"
    "print(settings.SUBMISSION_RETENTION_MONTHS)\n"
)


def run_with_production_settings(**extra):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    environment.pop("REDIS_URL", None)
    environment.update(extra)
    return subprocess.run(
        [sys.executable, "-c", PROGRAM],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_uses_redis_the_task_database_and_the_retention_setting():
    result = run_with_production_settings(
        REDIS_URL="redis://cache.internal:6379/1", SUBMISSION_RETENTION_MONTHS="18"
    )
    assert result.returncode == 0, result.stderr
    cache, tasks, months = result.stdout.splitlines()
    assert cache == "django.core.cache.backends.redis.RedisCache redis://cache.internal:6379/1"
    assert tasks == "django_tasks_db.DatabaseBackend"
    assert months == "18"


def test_production_refuses_to_start_without_redis():
    result = run_with_production_settings()
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable" in result.stderr
