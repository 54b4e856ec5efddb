"""Production settings take everything secret or host-specific from the environment."""

import pytest


@pytest.mark.parametrize(
    "missing",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "WAGTAILADMIN_BASE_URL",
        "REDIS_URL",
    ],
)
def test_production_settings_refuse_to_start_without_required_variables(missing):
    from tests.production import run_with_production_settings

    assert run_with_production_settings("print('started')").returncode == 0
    result = run_with_production_settings("print('started')", **{missing: None})
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
