"""Issue 15, finding 2 (second half): a full Redis is "Redis down", not a 500.

Redis set to ``maxmemory`` with the ``noeviction`` policy refuses every write once full ("OOM
command not allowed"). That is not a connection error, and the shared cache used to let it
through: public pages, the admin's publishing and form posts all failed. Now any Redis error
is treated as Redis being down (pagecache/shared_cache.py): the request is served, a warning is
logged. Run under the production settings against a real redis-server filled up mid-run."""

import json

from tests.production import run_with_production_settings

CHANGED = "Changed while Redis was full"

PROGRAM = """
import io, json, os, time
import django.test.signals  # resets the storages when STORAGES is overridden
from django.conf import settings
from django.test.utils import override_settings
# collectstatic is a deployment step; its manifest is not what this test is about.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
import redis
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page
from pagecache.shared_cache import FailOpenRedisCache
from getinvolved import protection
from getinvolved.models import InterestFormPage, InterestSubmission
from themes.models import ThemePage

call_command("migrate", verbosity=0)
call_command("setup_site", stdout=io.StringIO())
visitor = Client(HTTP_HOST="example.org")
pages = list(Page.objects.live().filter(depth__gt=1).specific())
warm = {}
for page in pages:  # Redis has room: the pages are cached
    visitor.get(page.url)
    warm[page.url] = visitor.get(page.url)["X-Page-Cache"]

# Redis fills up, and refuses every write from then on.
server = redis.Redis.from_url(os.environ["REDIS_URL"])
server.config_set("maxmemory-policy", "noeviction")
server.config_set("maxmemory", server.info("memory")["used_memory"] + 512 * 1024)
refused = ""
for number in range(20000):
    try:
        server.set(f"filler:{number}", b"x" * 10000)
    except redis.exceptions.ResponseError as error:
        refused = f"{type(error).__name__}: {error}"
        break
# Full for good: memory Redis frees by itself (clients' buffers shrink) must not let writes
# through again before the end, so the limit goes well under what it holds.
server.config_set("maxmemory", server.info("memory")["used_memory"] // 2)

# An editor publishes a change (the admin's publish runs the same signals).
theme = ThemePage.objects.live().order_by("path").first()
theme.title = CHANGED_TITLE
theme.save_revision().publish()
# Another web process, that has not met the full Redis yet.
FailOpenRedisCache._down_until = 0.0
FailOpenRedisCache._was_down = False

statuses = {}
for page in pages:
    statuses[type(page).__name__ + " " + page.url] = visitor.get(page.url).status_code
statuses["404"] = visitor.get("/no-such-page/").status_code
theme_page = visitor.get(theme.url).content.decode()
form = InterestFormPage.objects.live().get(slug="register-your-interest")
answers = {
    "your_name": "Sam", "email_address": "sam@example.org", "school_or_workplace": "A school",
    "role": "Teacher", "region": "London", "membership_number": "",
    "how_would_you_like_to_be_involved": ["Share practice from my school"],
    "privacy-consent": "on",
    "form-token": protection.issue_token(form, issued_at=time.time() - 60),
}
posted = Client(HTTP_HOST="example.org").post(form.url, answers).status_code
try:
    server.set("probe", "x")
    still_full = False
except redis.exceptions.ResponseError:
    still_full = True
print(json.dumps({
    "warm": warm, "refused": refused, "still_full": still_full, "pages": statuses, "posted": posted,
    "stored": InterestSubmission.objects.count(),
    "shows_change": CHANGED_TITLE in theme_page,
    "admin_login": Client(HTTP_HOST="example.org").get("/admin/login/").status_code,
}))
""".replace("CHANGED_TITLE", repr(CHANGED))


def test_a_full_redis_with_noeviction_serves_every_page_and_takes_forms(
    tmp_path, redis_server, migrated_sqlite
):
    result = run_with_production_settings(
        PROGRAM,
        REDIS_URL=redis_server.url,
        DATABASE_URL=migrated_sqlite,
        DJANGO_SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert "OutOfMemoryError" in outcome["refused"]  # Redis really was full
    assert outcome["still_full"]  # ...to the end
    assert "hit" in outcome["warm"].values()  # and served pages before it filled

    pages = outcome["pages"]
    assert {name.split()[0] for name in pages} >= {
        "HomePage",
        "ThemePage",
        "CaseStudyIndexPage",
        "CaseStudyPage",
        "StandardPage",
        "InterestFormPage",
    }
    assert {status for name, status in pages.items() if name != "404"} == {200}, pages
    assert pages["404"] == 404
    assert outcome["shows_change"]  # not the page cached before the change
    assert outcome["posted"] == 302 and outcome["stored"] == 1
    assert outcome["admin_login"] == 200
    assert "Redis is unreachable or failing (OutOfMemoryError" in result.stderr
