"""Production settings use the real services behind the forms: Redis (the "shared" cache,
which fails open: see tests/test_redis_outage.py) for the rate limit, the database task
backend for emails, and the retention period from the environment."""

from tests.production import production_settings


def test_production_uses_redis_the_task_database_and_the_retention_setting():
    values = production_settings(
        "CACHES",
        "TASKS",
        "SUBMISSION_RETENTION_MONTHS",
        REDIS_URL="redis://cache.internal:6379/1",
        SUBMISSION_RETENTION_MONTHS="18",
    )
    shared = values["CACHES"]["shared"]
    assert shared["BACKEND"] == "pagecache.shared_cache.FailOpenRedisCache"
    assert shared["LOCATION"] == "redis://cache.internal:6379/1"
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert values["SUBMISSION_RETENTION_MONTHS"] == 18


# Production refusing to start without REDIS_URL: tests/test_settings.py (REQUIRED).
