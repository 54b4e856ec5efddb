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
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
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

# Per-process cache; production replaces it with Redis so that every web process shares
# the form rate limit.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A mail server that does not answer must not hold a task worker for minutes.
EMAIL_TIMEOUT = 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
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
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Responsive renditions: modern formats first, JPEG as the fallback every browser reads.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "gif": "png"}

# Interest forms (the getinvolved app).
# Submissions older than this are deleted by `manage.py purge_old_submissions`.
SUBMISSION_RETENTION_MONTHS = env.int("SUBMISSION_RETENTION_MONTHS", default=24)
# At most this many form posts per client address per window (seconds).
FORM_RATE_LIMIT = env.int("FORM_RATE_LIMIT", default=10)
FORM_RATE_LIMIT_WINDOW = env.int("FORM_RATE_LIMIT_WINDOW", default=600)
# A form sent sooner than this after it was displayed is treated as automated.
FORM_MIN_FILL_SECONDS = 3
# A displayed form can be sent for this long; after that the member is asked to send again.
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
# The request header holding the client address when behind a proxy, e.g.
# "HTTP_X_FORWARDED_FOR" (its last entry is used: the one our own proxy added).
FORM_CLIENT_IP_HEADER = env.str("FORM_CLIENT_IP_HEADER", default=None) or None
# Notification emails: attempts before giving up, and the first retry delay (doubling).
FORM_EMAIL_MAX_ATTEMPTS = 8
FORM_EMAIL_RETRY_SECONDS = 60

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
    },
}
