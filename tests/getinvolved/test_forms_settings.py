"""Production settings use the real services behind the forms: Redis (the "shared" cache,
which fails open: see tests/test_redis_outage.py) for the rate limit, the database task
backend for emails, and the retention period from the environment."""

from tests.production import run_with_production_settings

PROGRAM = (
    "from django.conf import settings\n"
    "print(settings.CACHES['shared']['BACKEND'], settings.CACHES['shared']['LOCATION'])\n"
    "print(settings.TASKS['default']['BACKEND'])\n"
    "print(settings.SUBMISSION_RETENTION_MONTHS)\n"
)


def test_production_uses_redis_the_task_database_and_the_retention_setting():
    result = run_with_production_settings(
        PROGRAM, REDIS_URL="redis://cache.internal:6379/1", SUBMISSION_RETENTION_MONTHS="18"
    )
    assert result.returncode == 0, result.stderr
    cache, tasks, months = result.stdout.splitlines()
    assert cache == "pagecache.shared_cache.FailOpenRedisCache redis://cache.internal:6379/1"
    assert tasks == "django_tasks_db.DatabaseBackend"
    assert months == "18"


def test_production_refuses_to_start_without_redis():
    result = run_with_production_settings(PROGRAM, REDIS_URL=None)
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable" in result.stderr
