"""Production settings take everything secret or host-specific from the environment."""

from functools import cache

import pytest

from tests.production import run_with_production_settings, settings_under

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


MISSING = [*[(name, None) for name in REQUIRED], ("DJANGO_SECRET_KEY", "  "), ("DATABASE_URL", "")]


@pytest.mark.parametrize("missing, value", MISSING)
def test_production_settings_refuse_to_start_without_required_variables(missing, value):
    error = under_production()[MISSING.index((missing, value))]
    assert error.startswith("ImproperlyConfigured: ")
    assert f"Set the {missing} environment variable" in error


READ_AS = {
    "True": True,
    "yes": True,
    "1": True,
    "False": False,
    "false": False,
    "0": False,
}


BOOLEANS = [("True", "false"), ("false", "True"), ("yes", "0"), ("1", "False")]
HOSTS_AND_NUMBERS = {
    "DJANGO_ALLOWED_HOSTS": "belonging.example.org, www.belonging.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://belonging.example.org",
    "EMAIL_PORT": "587",
    "DJANGO_HSTS_SECONDS": "3600",
}
DATABASE_URL = "postgres://neu:secret@db.internal:5433/belonging"


@cache
def under_production():
    """Every case of this module, read in one subprocess (tests/production.py), in order:
    the MISSING refusals, the BOOLEANS, the defaults, HOSTS_AND_NUMBERS, DATABASE_URL."""
    booleans = ("EMAIL_USE_TLS", "SECURE_SSL_REDIRECT")
    return settings_under(
        *[((), {missing: value}) for missing, value in MISSING],
        *[
            (booleans, {"EMAIL_USE_TLS": tls, "DJANGO_SECURE_SSL_REDIRECT": redirect})
            for tls, redirect in BOOLEANS
        ],
        (booleans, {"EMAIL_USE_TLS": None, "DJANGO_SECURE_SSL_REDIRECT": None}),
        (
            ("ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EMAIL_PORT", "SECURE_HSTS_SECONDS"),
            HOSTS_AND_NUMBERS,
        ),
        (("DATABASES",), {"DATABASE_URL": DATABASE_URL}),
    )


@pytest.mark.parametrize("tls, ssl_redirect", BOOLEANS)
def test_production_reads_booleans_the_way_people_write_them(tls, ssl_redirect):
    values = under_production()[len(MISSING) + BOOLEANS.index((tls, ssl_redirect))]
    assert values == {"EMAIL_USE_TLS": READ_AS[tls], "SECURE_SSL_REDIRECT": READ_AS[ssl_redirect]}


def test_production_redirects_to_https_by_default_and_sends_mail_without_tls():
    values = under_production()[len(MISSING) + len(BOOLEANS)]
    assert values == {"EMAIL_USE_TLS": False, "SECURE_SSL_REDIRECT": True}


def test_production_reads_host_lists_numbers_and_the_database_url():
    values, databases = under_production()[len(MISSING) + len(BOOLEANS) + 1 :]
    assert values == {
        "ALLOWED_HOSTS": ["belonging.example.org", "www.belonging.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://belonging.example.org"],
        "EMAIL_PORT": 587,
        "SECURE_HSTS_SECONDS": 3600,
    }
    database = databases["DATABASES"]["default"]
    assert [database[key] for key in ("ENGINE", "HOST", "PORT", "NAME", "USER")] == [
        "django.db.backends.postgresql",
        "db.internal",
        5433,
        "belonging",
        "neu",
    ]
