"""Settings shared by every environment. Environment files override only what differs."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Site-wide templates and static assets live in the top-level ``site/`` folder. It is not a
# Python package: the standard library owns the module name ``site``.
SITE_DIR = BASE_DIR / "site"

# Every environment variable is read through django-environ: typed (env.bool reads "True",
# "true", "yes", "1" as true), with the default written next to it.
env = environ.Env()

INSTALLED_APPS = [
    "core",
    "video",
    "home",
    "themes",
    "casestudies",
    "getinvolved",
    "sitesetup",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.images and wagtail.documents: it replaces their permission policies.
    "staff",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    # /health/ for the edge cache's health check: answered before anything else (no host
    # check, Redis or database).
    "core.outage.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that cached pages carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached page is answered without touching them.
    "core.caching.PageCacheMiddleware",
    # The database unreachable: a stale cached copy, or a 503 "try again" page (core/outage.py).
    "core.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session gave its second factor; then the admin refuses those who have not.
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "config.admin_csp.AdminContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL selects the database (PostgreSQL in production and in CI's second run);
# without it the project uses a local SQLite file.
# A blank DATABASE_URL counts as unset (production settings refuse it).
DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
# A kept connection is checked before each request uses it: after the database restarts,
# the next request reconnects (core/outage.py).
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many members submitting at once must queue for SQLite's single writer rather than fail
    # with "database is locked": take the write lock when each transaction starts, wait for
    # it, and let readers carry on meanwhile (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (Wagtail's own and the form notifications) are stored in the database
# and run by the worker: `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# "default" is per process, always: Django and Wagtail keep what they cache for themselves
# there (site root paths, renditions), so no request depends on Redis. "shared" holds what
# every web process must share: the page cache and the forms' rate limit
# (core/shared_cache.py). Production points it at Redis, through a backend that treats
# Redis being down as a miss. Each process drops its own copy of the site root paths when
# it sees that the content changed (core/caching.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shared",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Anonymous pages are kept this long in the shared cache (any content change retires them
# at once: core/invalidation.py), and a CDN may keep them CDN_CACHE_SECONDS (s-maxage; it is
# purged on changes too when WAGTAILFRONTENDCACHE is configured). 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
CDN_CACHE_SECONDS = env.int("CDN_CACHE_SECONDS", default=300)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/"]

# A mail server that does not answer must not hold a task worker for minutes.
EMAIL_TIMEOUT = 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in, the second factor, the admin's CSP and the Permissions-Policy.
from .security import *  # noqa: E402, F403

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic puts the files WhiteNoise serves in production. `make serve` and
# `make bench` collect elsewhere (sitesetup/localstack.py), so that tests keep serving the
# files being edited rather than a stale copy.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "static")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
SERVE_MEDIA = False
# Only development settings create a local admin account in `manage.py setup_site`.
CREATE_LOCAL_ADMIN = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Place and Belonging in School"
# The admin sends nothing about staff to third parties: no Gravatar avatars (a hash of each
# email address), no check for Wagtail releases on the dashboard, no "what's new" banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Video players the site may frame (Content-Security-Policy frame-src, see config/csp.py):
# the players of the providers editors are told about. A video from any other provider that
# Wagtail's oEmbed finder knows is shown as a link to it. YouTube is framed only from its
# no-cookie domain (video/oembed.py rewrites its player addresses).
VIDEO_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://embed.ted.com",
]
# django-csp 4 (its settings mirror Django 6's built-in CSP). Scripts, styles, images and
# fonts come from this site only (no inline script or style); the only third parties are the
# video players, as frames: the video block loads one when a visitor presses Play. The
# middleware (config/csp.py) fills frame-src from VIDEO_FRAME_SOURCES on each response.
# The Wagtail admin is left out: its editor relies on inline scripts and styles. The userbar
# it adds to public pages for editors loads its files from this site, so works under the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "frame-src": VIDEO_FRAME_SOURCES or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Documents are served only through Wagtail's view (privacy rules, download headers), never
# straight from MEDIA_ROOT: docs/nginx.conf denies /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Responsive renditions: modern formats first, JPEG as the fallback every browser reads.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "gif": "png"}

# Interest forms (the getinvolved app).
# Submissions older than this are deleted by `manage.py purge_old_submissions`.
SUBMISSION_RETENTION_MONTHS = env.int("SUBMISSION_RETENTION_MONTHS", default=24)
# The rate limit counts two things per form and client address over a sliding window
# (seconds): accepted submissions (a school or conference behind one address sends many),
# and bot signals (honeypot filled, form token missing or forged, sent too fast). Past either
# limit, that address's posts to that form are refused until the window slides on. Typos and
# expired forms count towards neither.
FORM_RATE_LIMIT = env.int("FORM_RATE_LIMIT", default=60)
FORM_BOT_SIGNAL_LIMIT = env.int("FORM_BOT_SIGNAL_LIMIT", default=20)
FORM_RATE_LIMIT_WINDOW = env.int("FORM_RATE_LIMIT_WINDOW", default=600)
# At most this many confirmation emails to one recipient address per day: nobody can make
# the site mail a stranger over and over.
FORM_CONFIRMATIONS_PER_ADDRESS = env.int("FORM_CONFIRMATIONS_PER_ADDRESS", default=3)
FORM_CONFIRMATION_WINDOW = 24 * 60 * 60
# The cache holding those counters (getinvolved.protection.counters()): the one every web
# process shares. If it cannot be reached, forms are accepted (fail open).
FORM_RATE_LIMIT_CACHE = "shared"
# A form sent sooner than this after it was displayed is treated as automated.
FORM_MIN_FILL_SECONDS = 3
# A displayed form can be sent for this long; after that the member is asked to send again.
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
# How many proxies in front of Django append to X-Forwarded-For: 0 (Django serves clients
# directly: REMOTE_ADDR), 1 (nginx), 2 (a CDN in front of nginx). The client is the entry
# that many places from the end; entries further left are the client's own claims and are
# ignored. Used by the forms' rate limit and the sign-in lockout alike.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# Notification emails: attempts before giving up, and the first retry delay (doubling).
FORM_EMAIL_MAX_ATTEMPTS = 8
FORM_EMAIL_RETRY_SECONDS = 60
# A delivery still "Sending" this long after a worker claimed it was left by a worker that
# stopped mid-send (killed, or its machine restarted): `manage.py run_worker` sends it again,
# when it starts and every TASK_WORKER_HEARTBEAT_SECONDS. Far longer than EMAIL_TIMEOUT, so a
# slow send that is still going is never taken for a stuck one.
FORM_EMAIL_STUCK_AFTER_SECONDS = env.int("FORM_EMAIL_STUCK_AFTER_SECONDS", default=15 * 60)
TASK_WORKER_HEARTBEAT_SECONDS = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Task and page-action chatter ("Task ... RUNNING", "Page edited") drowns real messages.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Every sign-in is logged at INFO; failures that lock an account are WARNINGs.
        "axes": {"level": "WARNING"},
    },
}
