"""Production: everything secret or host-specific comes from the environment.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, WAGTAILADMIN_BASE_URL (the
public address, used in links in staff emails), REDIS_URL (the shared cache behind the form
rate limit).
Optional: SUBMISSION_RETENTION_MONTHS, FORM_RATE_LIMIT,
FORM_RATE_LIMIT_WINDOW, FORM_CLIENT_IP_HEADER, EMAIL_HOST/PORT/HOST_USER/HOST_PASSWORD/USE_TLS,
DEFAULT_FROM_EMAIL, MEDIA_ROOT, DJANGO_CSRF_TRUSTED_ORIGINS, DJANGO_SECURE_SSL_REDIRECT,
DJANGO_HSTS_SECONDS.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def required(name):
    """``name``, once it is known to be set to something other than blanks."""
    if not env.str(name, default="").strip():
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return name


DEBUG = False
SECRET_KEY = env.str(required("DJANGO_SECRET_KEY"))
ALLOWED_HOSTS = env.list(required("DJANGO_ALLOWED_HOSTS"), cast=str.strip)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])
DATABASES = {"default": env.db(required("DATABASE_URL"))}
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
WAGTAILADMIN_BASE_URL = env.str(required("WAGTAILADMIN_BASE_URL"))

# redis:// URLs give Django's own Redis backend.
CACHES = {"default": env.cache(required("REDIS_URL"))}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
