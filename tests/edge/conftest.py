"""A real varnishd (deploy/varnish/default.vcl as shipped) in front of the live server."""

import pytest

from devtools.edgestack import Varnish


@pytest.fixture
def edge(live_server, settings):
    """Varnish in front of the live server, and the site told to purge it (as production
    does from CDN_PURGE_URL)."""
    port = int(live_server.url.rsplit(":", 1)[1])
    varnish = Varnish([port]).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish.url,
        }
    }
    yield varnish
    varnish.stop()
