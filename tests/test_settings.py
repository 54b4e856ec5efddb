"""Production settings take everything secret or host-specific from the environment."""

import pytest

from tests.production import production_settings, run_with_production_settings

REQUIRED = [
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "REDIS_URL",
    "DEFAULT_FROM_EMAIL",
]


def test_production_settings_start_with_the_required_variables():
    result = run_with_production_settings("print('started')")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


@pytest.mark.parametrize(
    "missing, value",
    [*[(name, None) for name in REQUIRED], ("DJANGO_SECRET_KEY", "  "), ("DATABASE_URL", "")],
)
def test_production_settings_refuse_to_start_without_required_variables(missing, value):
    result = run_with_production_settings("print('started')", **{missing: value})
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set the {missing} environment variable" in result.stderr


READ_AS = {
    "True": True,
    "yes": True,
    "1": True,
    "False": False,
    "false": False,
    "0": False,
}


@pytest.mark.parametrize(
    "tls, ssl_redirect", [("True", "false"), ("false", "True"), ("yes", "0"), ("1", "False")]
)
def test_production_reads_booleans_the_way_people_write_them(tls, ssl_redirect):
    values = production_settings(
        "EMAIL_USE_TLS",
        "SECURE_SSL_REDIRECT",
        EMAIL_USE_TLS=tls,
        DJANGO_SECURE_SSL_REDIRECT=ssl_redirect,
    )
    assert values == {"EMAIL_USE_TLS": READ_AS[tls], "SECURE_SSL_REDIRECT": READ_AS[ssl_redirect]}


def test_production_redirects_to_https_by_default_and_sends_mail_without_tls():
    values = production_settings(
        "EMAIL_USE_TLS", "SECURE_SSL_REDIRECT", EMAIL_USE_TLS=None, DJANGO_SECURE_SSL_REDIRECT=None
    )
    assert values == {"EMAIL_USE_TLS": False, "SECURE_SSL_REDIRECT": True}


def test_production_reads_host_lists_numbers_and_the_database_url():
    values = production_settings(
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "EMAIL_PORT",
        "SECURE_HSTS_SECONDS",
        DJANGO_ALLOWED_HOSTS="belonging.example.org, www.belonging.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://belonging.example.org",
        EMAIL_PORT="587",
        DJANGO_HSTS_SECONDS="3600",
    )
    assert values == {
        "ALLOWED_HOSTS": ["belonging.example.org", "www.belonging.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://belonging.example.org"],
        "EMAIL_PORT": 587,
        "SECURE_HSTS_SECONDS": 3600,
    }
    database = run_with_production_settings(
        "from django.conf import settings\nd = settings.DATABASES['default']\n"
        "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'], d['USER'])",
        DATABASE_URL="postgres://neu:secret@db.internal:5433/belonging",
    )
    assert database.returncode == 0, database.stderr
    assert database.stdout.split() == [
        "django.db.backends.postgresql",
        "db.internal",
        "5433",
        "belonging",
        "neu",
    ]
