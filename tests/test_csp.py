"""The Content-Security-Policy header (django-csp, config/csp.py): the video players are the
only third parties, as frames, whatever VIDEO_FRAME_SOURCES holds when the page is served.

What the policy lets a page load is in tests/test_video.py; that the player really loads
under it, in tests/browser/test_video.py.
"""

import pytest

from tests.production import run_with_production_settings

REAL_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://embed.ted.com",
]


def directives(header):
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.mark.django_db
def test_frame_src_follows_the_setting_when_the_page_is_served(client, settings):
    settings.VIDEO_FRAME_SOURCES = ["https://player.example"]
    policy = directives(client.get("/no-such-page/").headers["Content-Security-Policy"])
    assert policy["frame-src"] == ["https://player.example"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"]

    settings.VIDEO_FRAME_SOURCES = []
    policy = directives(client.get("/no-such-page/").headers["Content-Security-Policy"])
    assert policy["frame-src"] == ["'none'"]


def test_production_frames_only_the_real_players():
    # Production's whole middleware stack around a view that returns an empty page.
    program = (
        "from django.conf import settings\n"
        "from django.http import HttpResponse\n"
        "from django.test import RequestFactory\n"
        "from django.utils.module_loading import import_string\n"
        "handler = lambda request: HttpResponse()\n"
        "for path in reversed(settings.MIDDLEWARE):\n"
        "    handler = import_string(path)(handler)\n"
        "request = RequestFactory().get('/', secure=True, headers={'host': 'example.org'})\n"
        "print(handler(request).headers['Content-Security-Policy'])\n"
    )
    result = run_with_production_settings(program)
    assert result.returncode == 0, result.stderr
    policy = directives(result.stdout.splitlines()[-1])
    assert policy["frame-src"] == REAL_PLAYERS
    for directive in ("default-src", "script-src", "style-src", "img-src", "font-src"):
        assert policy[directive] == ["'self'"], directive
