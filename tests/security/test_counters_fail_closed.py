"""Review finding (LOW-MED): with Redis full or stopped, the page-view beacon's allowance
failed open, so one script could add counting and referrer rows without bound. The counters
that are not essential now fail closed (pagecache/ratelimit.spend): with the shared cache
unreachable the beacon still answers 204, counts nothing and the outage is logged once;
the page itself is still served. The shared cache here is production's FailOpenRedisCache
pointed at a loopback port nothing listens at."""

import logging

import pytest
from django.test import Client
from wagtail.models import Page

from insights.models import PageViewDay, ReferrerDay
from pagecache.shared_cache import FailOpenRedisCache
from tests.servers import free_port

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def unreachable_shared_cache(settings, monkeypatch):
    monkeypatch.setattr(FailOpenRedisCache, "_down_until", 0.0)
    monkeypatch.setattr(FailOpenRedisCache, "_was_down", False)
    monkeypatch.setattr(FailOpenRedisCache, "retry_after_seconds", 0)
    # The counter logs an outage once and remembers it did: start from no outage, and leave
    # none remembered to the next test in this process.
    monkeypatch.setattr("insights.counting._paused", False)
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "pagecache.shared_cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


def test_the_beacon_counts_nothing_while_the_shared_cache_is_down(
    starter_site, unreachable_shared_cache, settings, caplog
):
    settings.INSIGHTS_BEACONS_PER_MINUTE = 2
    theme = Page.objects.live().filter(depth__gt=2).first()
    client = Client()
    assert client.get(theme.url).status_code == 200  # the site itself is up
    with caplog.at_level(logging.WARNING, logger="insights.counting"):
        statuses = [
            client.post(
                "/insights/view", {"page": theme.pk, "ref": f"spam{n}.example"}, **SAME_ORIGIN
            ).status_code
            for n in range(5)
        ]
    assert statuses == [204] * 5
    assert not PageViewDay.objects.exists()
    assert not ReferrerDay.objects.exists()
    paused = [r for r in caplog.records if r.name == "insights.counting"]
    assert len(paused) == 1
    assert "not counted" in paused[0].getMessage()
