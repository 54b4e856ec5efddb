"""Redis is an accelerator, not a single point of failure (issue 10, acceptance 4).

With Redis unreachable, every public page type answers 200, form submissions are stored, the
rate limit lets posts through, the admin and `setup_site` work, and a warning is logged.
Tested twice: under the production settings with a REDIS_URL nothing listens at, and with a
real `redis-server` (Debian's package) that serves the page cache and is then stopped."""

import json
import logging

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from getinvolved import protection
from getinvolved.models import EmailDelivery, InterestFormPage, InterestSubmission
from pagecache.shared_cache import FailOpenRedisCache, get_shared_cache
from tests.getinvolved.formhelpers import register_answers
from tests.production import run_with_production_settings
from tests.servers import free_port
from themes.models import ThemePage

THEME_1 = "/belonging-and-leadership/"


@pytest.fixture
def shared_redis(settings, redis_server, monkeypatch):
    """The shared cache as production has it, on the real Redis server."""
    monkeypatch.setattr(FailOpenRedisCache, "retry_after_seconds", 0)
    monkeypatch.setattr(FailOpenRedisCache, "_down_until", 0.0)
    monkeypatch.setattr(FailOpenRedisCache, "_was_down", False)
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "pagecache.shared_cache.FailOpenRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
    }
    yield redis_server
    caches["shared"].close()


def post_form(client, page, answers=None):
    token = protection.issue_token(page)
    return client.post(page.url, {**register_answers(**(answers or {})), "form-token": token})


@pytest.mark.django_db
def test_redis_stopped_mid_run_pages_forms_admin_and_rate_limit_carry_on(
    client, admin_client, starter_site, shared_redis, caplog
):
    # Redis up: the page cache lives there.
    assert client.get(THEME_1)["X-Page-Cache"] == "miss"
    assert client.get(THEME_1)["X-Page-Cache"] == "hit"
    assert get_shared_cache().get("pagecache:generation")

    shared_redis.stop()
    caplog.set_level(logging.WARNING, logger="pagecache.shared_cache")
    for page in ThemePage.objects.live().specific():
        response = client.get(page.url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"
    assert client.get("/").status_code == 200
    assert "Redis is unreachable" in caplog.text

    form = InterestFormPage.objects.get(slug="register-your-interest")
    assert post_form(Client(), form).status_code == 302
    assert InterestSubmission.objects.filter(page=form).count() == 1
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get(THEME_1).status_code == 200
    # The rate limit's counter cannot be read: it lets the post through.
    assert get_shared_cache().incr("getinvolved:posts:someone:1") == 1

    # An editor publishes while Redis is down; Redis comes back (empty, as after a restart).
    page = ThemePage.objects.get(url_path__endswith=THEME_1)
    page.title = "Published during the outage"
    page.save_revision().publish()
    shared_redis.start()
    assert "Published during the outage" in client.get(THEME_1).content.decode()
    assert client.get(THEME_1)["X-Page-Cache"] == "hit"
    assert "Redis answers again" in caplog.text


@pytest.mark.django_db
def test_a_change_made_during_a_network_split_is_not_hidden_by_pages_cached_before(
    client, starter_site, shared_redis, monkeypatch
):
    """Redis keeps its data but this process cannot reach it while an editor publishes: the
    first successful call afterwards retires what was cached before."""
    client.get(THEME_1)
    assert client.get(THEME_1)["X-Page-Cache"] == "hit"

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("network split")

    with monkeypatch.context() as split:
        split.setattr(RedisCache, "set", unreachable)
        split.setattr(RedisCache, "get_many", unreachable)
        page = ThemePage.objects.get(url_path__endswith=THEME_1)
        page.title = "Published during the split"
        page.save_revision().publish()
    assert "Published during the split" in client.get(THEME_1).content.decode()


PRODUCTION_PROGRAM = """
import io, json, time
import django.test.signals  # resets the storages when STORAGES is overridden
from django.conf import settings
from django.test.utils import override_settings
# collectstatic is a deployment step; its manifest is not what this test is about.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
from django.core.management import call_command
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError
from wagtail.models import Page
from getinvolved import protection
from getinvolved.models import EmailDelivery, InterestFormPage, InterestSubmission

call_command("migrate", verbosity=0)
call_command("setup_site", stdout=io.StringIO())
statuses = {}
visitor = Client(HTTP_HOST="example.org")
for page in Page.objects.live().filter(depth__gt=1).specific():
    statuses[type(page).__name__ + " " + page.url] = visitor.get(page.url).status_code
statuses["404"] = visitor.get("/no-such-page/").status_code
form = InterestFormPage.objects.live().get(slug="register-your-interest")
answers = {
    "your_name": "Sam", "email_address": "sam@example.org", "school_or_workplace": "A school",
    "role": "Teacher", "region": "London", "membership_number": "",
    "how_would_you_like_to_be_involved": ["Share practice from my school"],
    "privacy-consent": "on",
    "form-token": protection.issue_token(form, issued_at=time.time() - 60),
}
posted = Client(HTTP_HOST="example.org").post(form.url, answers).status_code
print(json.dumps({"pages": statuses, "posted": posted,
                  "stored": InterestSubmission.objects.count()}))
"""


def test_production_settings_with_redis_unreachable(tmp_path, migrated_sqlite):
    result = run_with_production_settings(
        PRODUCTION_PROGRAM,
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        DATABASE_URL=migrated_sqlite,
        DJANGO_SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.splitlines()[-1])
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
    assert outcome["posted"] == 302
    assert outcome["stored"] == 1
    assert "Redis is unreachable" in result.stderr


@pytest.mark.django_db
def test_with_redis_stopped_forms_are_stored_but_send_no_confirmation_email(
    starter_site, shared_redis, settings, caplog
):
    """The daily cap on confirmation emails per mailbox cannot be read while Redis is down,
    and the forms' rate limit lets every post through then: each post could mail a stranger.
    So no confirmation is sent until Redis answers; every submission is stored."""
    settings.FORM_CONFIRMATIONS_PER_ADDRESS = 3
    form = InterestFormPage.objects.get(slug="register-your-interest")
    form.send_confirmation = True
    form.save()
    confirmations = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.CONFIRMATION)
    stranger = {"email_address": "stranger@example.org"}

    assert post_form(Client(), form, stranger).status_code == 302
    assert confirmations.count() == 1  # Redis up: a member gets their confirmation

    shared_redis.stop()
    caplog.set_level(logging.WARNING, logger="getinvolved.protection")
    for number in range(settings.FORM_CONFIRMATIONS_PER_ADDRESS + 2):
        answers = {**stranger, "your_name": f"Sender {number}"}
        assert post_form(Client(), form, answers).status_code == 302
    assert InterestSubmission.objects.filter(page=form).count() == 6
    assert confirmations.count() == 1
    assert "no confirmation email sent" in caplog.text

    shared_redis.start()
    assert post_form(Client(), form, {"email_address": "after@example.org"}).status_code == 302
    assert confirmations.filter(recipients="after@example.org").count() == 1
