"""A page-cache hit a process served a moment ago costs no Redis round trip (issue 19,
acceptance 5: pagecache/shared_cache.py HitMemo), and that copy never outlives a change: a new
generation announced by any other process, or a Redis restarted empty, retires it at once.
With a real redis-server; "another process" is a second connection to it doing exactly what
pagecache/invalidation.py does on publishing (store a new generation, announce it)."""

import pytest
import redis
from django.core.cache import caches

from pagecache.caching import CHANGES_CHANNEL, GENERATION_KEY, new_generation
from pagecache.shared_cache import HitMemo
from tests.test_redis_outage import shared_redis  # noqa: F401 (a fixture)
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

THEME_1 = "/belonging-and-leadership/"


@pytest.fixture(autouse=True)
def memo_kept_long(monkeypatch):
    """Copies kept a minute rather than a second: only an announcement or a lost connection
    can retire them within these tests, however slow the machine."""
    monkeypatch.setattr(HitMemo, "MEMO_SECONDS", 60)


def commands_processed(connection):
    return connection.info("stats")["total_commands_processed"]


def warm(client):
    """Until the page comes from this process's memo (the first hits read Redis)."""
    for _ in range(4):
        assert client.get(THEME_1).status_code == 200
    assert client.get(THEME_1)["X-Page-Cache"] == "hit"


def test_repeated_hits_do_not_ask_redis_each_time(client, starter_site, shared_redis):  # noqa: F811
    warm(client)
    connection = redis.Redis.from_url(shared_redis.url)
    before = commands_processed(connection)
    for _ in range(20):
        assert client.get(THEME_1)["X-Page-Cache"] == "hit"
    assert commands_processed(connection) - before == 1  # the first INFO call itself


def test_a_change_announced_by_another_process_shows_on_the_next_request(
    client,
    starter_site,
    shared_redis,  # noqa: F811
):
    warm(client)
    # Another process publishes: the page row changes (no signal reaches this process) and
    # it stores a new generation and announces it, as pagecache/invalidation.py does.
    ThemePage.objects.filter(url_path__endswith=THEME_1).update(title="Changed elsewhere")
    other_process = caches.create_connection("shared")
    other_process.set(GENERATION_KEY, new_generation(), timeout=None)
    assert other_process.publish(CHANGES_CHANNEL) >= 1  # this process is listening
    response = client.get(THEME_1)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed elsewhere" in response.content.decode()


def test_a_redis_restarted_empty_retires_the_copies_at_once(
    client,
    starter_site,
    shared_redis,  # noqa: F811
):
    warm(client)
    ThemePage.objects.filter(url_path__endswith=THEME_1).update(title="Changed while restarting")
    shared_redis.stop()
    shared_redis.start()  # empty: no generation, no pages, no announcement
    response = client.get(THEME_1)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed while restarting" in response.content.decode()
