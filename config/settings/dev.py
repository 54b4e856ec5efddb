"""Local development: debug on, mail printed to the console, a throwaway secret key."""

import warnings

from .base import *  # noqa: F403

DEBUG = True
# Developers' tools (benchmarks, `make serve`): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = True
CREATE_LOCAL_ADMIN = True
# The local admin account signs in without a second factor here (and never in production).
# Anyone may still set one up for it under Account → Two-factor authentication.
TWO_FACTOR_EXEMPT_USERNAMES = ["admin"]

# WhiteNoise warns when STATIC_ROOT has not been collected; runserver serves static files
# from the apps and site/static directly, so there is nothing to collect in development.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
