"""Production: everything secret or host-specific comes from the environment.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, WAGTAILADMIN_BASE_URL (the
public address, used in links in staff emails), REDIS_URL (the cache all web processes share:
pages and the form rate limit; the site keeps working while it is down), DEFAULT_FROM_EMAIL
(the address the site's emails come from).
Optional: SUBMISSION_RETENTION_MONTHS, FORM_RATE_LIMIT,
FORM_RATE_LIMIT_WINDOW, FORM_BOT_SIGNAL_LIMIT, FORM_CONFIRMATIONS_PER_ADDRESS,
DJANGO_TRUSTED_PROXY_COUNT, EMAIL_HOST/PORT/HOST_USER/HOST_PASSWORD/USE_TLS,
MEDIA_ROOT, DJANGO_CSRF_TRUSTED_ORIGINS, DJANGO_SECURE_SSL_REDIRECT,
DJANGO_HSTS_SECONDS, PAGE_CACHE_SECONDS, CDN_CACHE_SECONDS, CDN_PURGE_URL, CLOUDFLARE_ZONE_ID
with CLOUDFLARE_BEARER_TOKEN, CLOUDFRONT_DISTRIBUTION_ID, AWS_STORAGE_BUCKET_NAME with
AWS_S3_ENDPOINT_URL/AWS_S3_REGION_NAME/AWS_S3_CUSTOM_DOMAIN (credentials: AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, read by boto3), FORM_EMAIL_STUCK_AFTER_SECONDS.
"""

from django.core.exceptions import ImproperlyConfigured

from . import base
from .base import *  # noqa: F403
from .base import env


def required(name):
    """``name``, once it is known to be set to something other than blanks."""
    if not env.str(name, default="").strip():
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return name


DEBUG = False
SECRET_KEY = env.str(required("DJANGO_SECRET_KEY"))
# Django's own bar for a secret key (the security.W009 check): long and varied enough that
# signed form tokens and sessions cannot be forged by guessing it.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak: use at least 50 random characters, e.g. from "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
ALLOWED_HOSTS = env.list(required("DJANGO_ALLOWED_HOSTS"), cast=str.strip)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])
DATABASES = {"default": env.db(required("DATABASE_URL"))}
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make serve` on the local SQLite file: wait for the write lock as base.py does, rather
    # than answer 500 "database is locked" while the worker writes. Production proper runs
    # PostgreSQL (docs/operations.md, Deploying).
    DATABASES["default"]["OPTIONS"] = {
        **base.SQLITE_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer costs a request 5 seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
WAGTAILADMIN_BASE_URL = env.str(required("WAGTAILADMIN_BASE_URL"))
# The one public address: canonical links and robots.txt use it, and `set_site_address` gives
# it to the Wagtail site record (the sitemap); a deploy check compares them.
PUBLIC_URL = WAGTAILADMIN_BASE_URL

# Redis holds what every web process shares: the page cache and the forms' rate limit. The
# "default" cache stays per process (base.py), so nothing needs Redis to answer: with Redis
# down, pages are rendered and forms taken, and a warning is logged (pagecache/shared_cache.py).
# Short timeouts: a Redis that stops answering costs one request a quarter of a second, then
# is left alone for a few seconds.
CACHES["shared"] = {  # noqa: F405
    "BACKEND": "pagecache.shared_cache.FailOpenRedisCache",
    "LOCATION": env.str(required("REDIS_URL")),
    "KEY_PREFIX": "belonging",
    "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# More than one web machine: uploads (images, documents, video posters) go to S3-compatible
# storage when a bucket is named. Pages link its files directly (no signed, expiring URLs:
# cached pages keep their links), so the bucket, or AWS_S3_CUSTOM_DOMAIN in front of it,
# must let anyone read.
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None) or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default=None) or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None) or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Purging the CDN in front of the site (wagtail.contrib.frontend_cache) on every content
# change, through whichever of these is set: a PURGE-accepting proxy (Varnish, nginx),
# Cloudflare, CloudFront. Pages tell CDNs they may keep them CDN_CACHE_SECONDS.
WAGTAILFRONTENDCACHE = {}
if env.str("CDN_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("CDN_PURGE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str(required("CLOUDFLARE_BEARER_TOKEN")),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
# Covers only names under this site's own host (e.g. www.belonging.…), never its parent domain.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# `manage.py check --deploy` must print nothing; each check silenced here, and why:
SILENCED_SYSTEM_CHECKS = [
    # security.W021 (SECURE_HSTS_PRELOAD unset): browsers' HSTS preload list takes only a
    # registrable domain (neu.org.uk), with every subdomain; this site is one subdomain of
    # it, so preloading is the domain owner's decision, not this site's setting.
    "security.W021",
]
# Staff sign-in: the second factor is always enforced, and no account is exempt, whatever
# base.py or a development setting says.
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_EXEMPT_USERNAMES = []
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# Members' confirmations and staff notifications come from this address: no default, so
# production never sends as Django's webmaster@localhost.
DEFAULT_FROM_EMAIL = env.str(required("DEFAULT_FROM_EMAIL"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
