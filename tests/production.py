"""Run a snippet of Python under the production settings, in a subprocess, with a complete
production environment that a test can change."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "production-test-key-" + "0123456789abcdef" * 3,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # not connected to at start-up
    "WAGTAILADMIN_BASE_URL": "https://belonging.example.org",
    "DEFAULT_FROM_EMAIL": "belonging@example.org",
}


def run_with_production_settings(program, **changes):
    """``changes`` override the environment; a value of None removes the variable."""
    environment = {**os.environ, **PRODUCTION_ENVIRONMENT}
    # Set in this process by the browser tests' conftest (Playwright runs an event loop);
    # never part of a production environment, and `check --deploy` refuses it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for name, value in changes.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + program],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def production_settings(*names, **changes):
    """The named settings' values under the production settings (``changes`` as above)."""
    program = (
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))\n"
    )
    result = run_with_production_settings(program, **changes)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])
