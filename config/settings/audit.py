"""`make audit` (devtools/audit/run_audit.py): the public site as visitors get it, debug off, served
by gunicorn from a throwaway SQLite database that the audit fills with the starter content.
Static files come through WhiteNoise from the apps' folders (nothing is collected into the
work tree) and uploaded images from Django. Never for a real site: its secret is fixed."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "audit-only-" + "not-secret-" * 5  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
SERVE_MEDIA = True
