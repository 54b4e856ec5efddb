"""Production's configuration traps (acceptance 5): `check --deploy` is silent and says why
for each check it silences; a short secret key is refused; manage.py never falls back to
development settings for a PostgreSQL database; every response carries a Permissions-Policy,
the admin a Content-Security-Policy; documents are served through Wagtail's view only."""

import os
import re
import secrets
import subprocess
import sys
from functools import cache

import pytest
from django.conf import settings

from tests.production import PRODUCTION_ENVIRONMENT, settings_under

PRODUCTION_SETTINGS = settings.BASE_DIR / "config" / "settings" / "production.py"


def manage(*args, **environment):
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE in this process (Playwright
    # needs it); a production process never has it, and check --deploy rightly refuses it.
    env = {**os.environ, "DJANGO_ALLOW_ASYNC_UNSAFE": None, **environment}
    for name, value in list(env.items()):
        if value is None:
            env.pop(name)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


WEAK_KEYS = ["abc", "x" * 49, "x" * 60, "django-insecure-" + secrets.token_urlsafe(50)]


@cache
def under_production():
    """This module's cases, read in one subprocess (tests/production.py): the silenced checks
    and documents' serve method, then the WEAK_KEYS, then a long random key."""
    return settings_under(
        (("SILENCED_SYSTEM_CHECKS", "WAGTAILDOCS_SERVE_METHOD"), {}),
        *[((), {"DJANGO_SECRET_KEY": key}) for key in WEAK_KEYS],
        (("SECRET_KEY",), {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}),
    )


def test_check_deploy_reports_nothing_with_the_production_environment():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        **{**PRODUCTION_ENVIRONMENT, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    silenced = under_production()[0]["SILENCED_SYSTEM_CHECKS"]
    assert f"System check identified no issues ({len(silenced)} silenced)." in result.stdout


def test_every_silenced_check_has_a_written_reason():
    source = PRODUCTION_SETTINGS.read_text("utf-8")
    silenced = under_production()[0]["SILENCED_SYSTEM_CHECKS"]
    for check in silenced:
        reason = re.search(rf"# {re.escape(check)} \(.+\): \w+", source)
        assert reason, f"{check} is silenced without a comment saying why"


@pytest.mark.parametrize(
    "key", WEAK_KEYS, ids=["short", "49-characters", "one-character", "django-insecure"]
)
def test_production_refuses_a_weak_secret_key(key):
    error = under_production()[1 + WEAK_KEYS.index(key)]
    assert error.startswith("ImproperlyConfigured: DJANGO_SECRET_KEY is too weak")


def test_production_accepts_a_long_random_secret_key():
    assert isinstance(under_production()[-1], dict), under_production()[-1]


def test_manage_py_refuses_development_settings_for_a_postgresql_database():
    result = manage(
        "setup_site",
        DJANGO_SETTINGS_MODULE=None,
        DATABASE_URL="postgres://neu@db.internal:5432/belonging",
    )
    assert result.returncode != 0
    assert "DATABASE_URL points at PostgreSQL but DJANGO_SETTINGS_MODULE is not set" in (
        result.stderr
    )
    assert "Created local admin" not in result.stdout


def test_documents_are_served_only_through_wagtails_view():
    assert under_production()[0]["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    nginx = (settings.BASE_DIR / "docs" / "nginx.conf").read_text("utf-8")
    assert re.search(r"location \^~ /media/documents/ \{\s*deny all;", nginx)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/no-such-page/", "/admin/login/", "/sitemap.xml"])
def test_every_response_carries_a_permissions_policy(client, starter_site, url):
    response = client.get(url)
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    # The video players keep what their frames are allowed to ask for.
    assert "fullscreen" not in policy and "autoplay" not in policy


def directives(header):
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.django_db
def test_the_admin_has_a_content_security_policy(client, starter_site):
    admin = client.get("/admin/login/")
    enforced = admin["Content-Security-Policy"]
    assert "default-src 'self'" in enforced
    assert "object-src 'none'" in enforced
    assert "frame-ancestors 'self'" in enforced
    assert "script-src 'self' 'unsafe-inline'" in enforced
    report_only = directives(admin["Content-Security-Policy-Report-Only"])
    assert report_only["script-src"] == report_only["style-src"] == "'self'"
    # The public site's own, stricter policy is unchanged.
    public = client.get("/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public
