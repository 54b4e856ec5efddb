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
from .languages import *  # noqa: E402, F403  (LANGUAGES, LANGUAGE_APPS, LANGUAGE_MIDDLEWARE…)

INSTALLED_APPS = [
    *LANGUAGE_APPS,  # noqa: F405
    "pagecache",
    "core",
    "editorial",  # before wagtail.admin and wagtail.images: it overrides some templates
    "video",
    "home",
    "themes",
    "casestudies",
    "getinvolved",
    "insights",
    "sitesearch",
    "sitesetup",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
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
    "django_otp.plugins.otp_static",  # recovery codes (staff/recovery.py)
    "axes",
]

MIDDLEWARE = [
    # /health/ for the edge cache's health check: answered before anything else (no host
    # check, Redis or database).
    "pagecache.outage.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that cached pages carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached page is answered without touching them.
    "pagecache.caching.PageCacheMiddleware",
    LANGUAGE_MIDDLEWARE,  # noqa: F405 - the language from the address, before the 503 page
    # Database unreachable: a stale cached copy, or a 503 "try again" page (pagecache/outage.py).
    "pagecache.outage.DatabaseOutageMiddleware",
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
# Many members submitting at once must queue for SQLite's single writer rather than fail
# with "database is locked": take the write lock when each transaction starts, wait for
# it (up to 20 s, SQLite's busy timeout), and let readers carry on meanwhile (WAL).
# production.py applies the same to a SQLite DATABASE_URL (`make serve`).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}
# A kept connection is checked before each request uses it: after the database restarts,
# the next request reconnects (pagecache/outage.py).
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (Wagtail's own, the forms' emails) wait in the database for `run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# "default" is per process, always: Django and Wagtail keep what they cache for themselves
# there (site root paths, renditions), so no request depends on Redis. "shared" holds what
# every web process must share (pagecache/shared_cache.py): the page cache and the rate
# limits. Production points it at Redis, through a backend that treats Redis being down as
# a miss; each process drops its site root paths when the content changes (caching.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shared",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Anonymous pages are kept this long in the shared cache (any content change retires them
# at once: pagecache/invalidation.py), and a CDN may keep them CDN_CACHE_SECONDS (s-maxage; it is
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

USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic puts the files WhiteNoise serves in production. `make serve` and
# `make bench` collect elsewhere (devtools/localstack.py), so that tests keep serving the
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
# Canonical links and robots.txt: empty means the address each request came to; production
# sets it to WAGTAILADMIN_BASE_URL (core/public_address.py).
PUBLIC_URL = ""
# The database backend: PostgreSQL's full text search (weighted by each field's boost) on
# PostgreSQL, SQLite's FTS5 on SQLite. Saved pages are indexed by a background task (the
# worker); see docs/features.md, "Search".
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# How long the count of searches that found nothing keeps each day (sitesearch/models.py).
SEARCH_NO_RESULTS_KEEP_DAYS = env.int("SEARCH_NO_RESULTS_KEEP_DAYS", default=90)
# Searches that found nothing counted per client in a sliding hour, of which this many a day
# may be new wordings (sitesearch/counting.py); more are answered but not counted.
SEARCH_NO_RESULTS_PER_HOUR = env.int("SEARCH_NO_RESULTS_PER_HOUR", default=30)
SEARCH_NO_RESULTS_NEW_TERMS_PER_DAY = env.int("SEARCH_NO_RESULTS_NEW_TERMS_PER_DAY", default=10)
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
        # The page-view counter's beacon (insights/static/insights/beacon.js) posts here.
        "connect-src": [SELF],
        "frame-src": VIDEO_FRAME_SOURCES or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Documents are served only through Wagtail's view (privacy rules, download headers), never
# straight from MEDIA_ROOT: docs/nginx.conf denies /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads (Content-Disposition: attachment), as the report block's "Download
# the report" says: none is shown in the browser on this site's origin, so an uploaded HTML
# or SVG file cannot run script here, nor a PDF open in the browser's viewer.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A small file can hold a huge picture (an 11000x11000 PNG of 15 KB took a worker 1.2 GB and
# 21 s). Decoding and resizing take about 10 bytes a pixel (measured: 261 MB peak for a
# 5000x5000 RGBA PNG's renditions), so 25 million pixels (a 6000x4000 camera photo fits)
# keep a worker under 300 MB per image. Uploads over it are refused with Wagtail's message;
# core/apps.py sets Pillow's own limit to the same for images already stored.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# Only Publishers replace the file or description of an image (or document) a live page shows.
WAGTAILIMAGES_IMAGE_FORM_BASE = "staff.live_media.LiveImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "staff.live_media.LiveDocumentForm"
# Responsive renditions: modern formats first, JPEG as the fallback every browser reads.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "gif": "png"}

# The page-view counter (the insights app): beacons counted per client and minute, at most.
INSIGHTS_BEACONS_PER_MINUTE = env.int("INSIGHTS_BEACONS_PER_MINUTE", default=120)
# New referring hosts one client may add a day; the report lists a referring host only with
# at least INSIGHTS_MIN_REFERRER_VIEWS in the weeks shown (no one-off spam or quiet hosts).
INSIGHTS_NEW_REFERRERS_PER_DAY = env.int("INSIGHTS_NEW_REFERRERS_PER_DAY", default=10)
INSIGHTS_MIN_REFERRER_VIEWS = env.int("INSIGHTS_MIN_REFERRER_VIEWS", default=5)

# Interest forms: retention, rate limits, confirmation emails, delivery retries.
from .interest_forms import *  # noqa: E402, F403

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
