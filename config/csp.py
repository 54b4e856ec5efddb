"""The Content-Security-Policy header, sent by django-csp (settings.CONTENT_SECURITY_POLICY)."""

from csp.constants import NONE
from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with frame-src read from settings.VIDEO_FRAME_SOURCES on every
    response.

    CONTENT_SECURITY_POLICY is built once, when the settings module is loaded, so its
    frame-src holds the list VIDEO_FRAME_SOURCES had then. Whatever changes the setting
    afterwards (config/settings/test.py adds the stand-in player after base.py built the
    policy; browser tests point it at the live server with the ``settings`` fixture) would
    otherwise leave the header allowing other frames than the video block embeds.
    A view's own csp_replace for frame-src still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only:
            frames = list(settings.VIDEO_FRAME_SOURCES) or [NONE]
            parts.replace = {"frame-src": frames, **(parts.replace or {})}
        return parts
