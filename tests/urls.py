"""The site's URLs plus the stand-in video player of tests/embeds.py."""

from django.urls import path

from config.urls import handler500  # noqa: F401 - the site's 500 handler
from config.urls import urlpatterns as site_urlpatterns
from tests import embeds

urlpatterns = [
    path("test-player/<slug:video_id>/", embeds.player),
    path("test-player/<slug:video_id>/poster.png", embeds.poster),
    *site_urlpatterns,
]
