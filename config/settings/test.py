"""Test runs: fast hashing, local-memory mail, media in a throwaway folder."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
# Developers' tools (benchmarks, `make serve`): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="neu-belonging-media-"))
# Every process that loads these settings makes a folder of its own: each of `make test`'s
# test processes, and `manage.py check` and the subprocesses some tests start. Each removes
# its own when it ends.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True

# Tests use the site's URLs plus a stand-in video player page (tests/urls.py).
ROOT_URLCONF = "tests.urls"
# A stand-in oEmbed provider (the providers themselves are on the internet); production keeps
# Wagtail's default, real oEmbed finder. See tests/embeds.py.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embeds"}]
# Where the stand-in player lives. Nothing listens here: browser tests point it at the live
# server under another host name (see tests/browser/test_video.py).
TEST_VIDEO_PLAYER_ORIGIN = "http://localhost:9"
TEST_VIDEO_PROVIDER_DOWN = False
VIDEO_FRAME_SOURCES = [*VIDEO_FRAME_SOURCES, TEST_VIDEO_PLAYER_ORIGIN]  # noqa: F405
# Tasks run inline unless a test switches to the database backend and runs the worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests post forms straight away and many times; the tests of these limits set them.
FORM_MIN_FILL_SECONDS = 0
FORM_RATE_LIMIT = 10_000
FORM_BOT_SIGNAL_LIMIT = 10_000
FORM_CONFIRMATIONS_PER_ADDRESS = 10_000
# Most tests sign staff in with force_login and no second factor; tests/security/ turns
# the requirement on (production always has it: tests/security/test_deploy_settings.py).
TWO_FACTOR_ENFORCED = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database, whose table locks ignore the busy
    # timeout: the concurrency tests write from many threads at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"neu-belonging-test-{os.getpid()}.sqlite3")
    }
