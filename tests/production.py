"""Run a snippet of Python under the production settings, in a subprocess, with a complete
production environment that a test can change; or read settings under many environments in
one subprocess (``settings_under``: Python and Django start once, not once per case)."""

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


def production_environment(**changes):
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
    return environment


def run_with_production_settings(program, **changes):
    """Run ``program`` after ``django.setup()`` (``changes`` as in production_environment)."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + program],
        env=production_environment(**changes),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


# Reads each case's settings module afresh in its environment (base.py reads the environment
# when imported): Django's own Settings object, as django.setup() builds it.
SETTINGS_UNDER = """
import importlib, json, os, sys
from django.conf import Settings
results = []
for environment, names in json.load(sys.stdin):
    os.environ.clear()
    os.environ.update(environment)
    for module in [m for m in sys.modules if m.split(".")[:2] == ["config", "settings"]]:
        del sys.modules[module]
    try:
        values = Settings(environment["DJANGO_SETTINGS_MODULE"])
    except Exception as error:
        results.append(f"{type(error).__name__}: {error}")
    else:
        results.append({name: getattr(values, name) for name in names})
print(json.dumps(results, default=str))
"""


def settings_under(*cases):
    """Each case is ``(names, changes)``: the named settings' values as a dict, under the
    production settings with ``changes`` to the environment (as in production_environment;
    DJANGO_SETTINGS_MODULE may name another settings module), or, for settings that refuse
    to load, the error as text ("ImproperlyConfigured: ..."). One subprocess for all."""
    request = [[production_environment(**changes), list(names)] for names, changes in cases]
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_UNDER],
        input=json.dumps(request),
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def production_settings(*names, **changes):
    """The named settings' values under the production settings (``changes`` as above)."""
    (values,) = settings_under((names, changes))
    assert isinstance(values, dict), values
    return values
