from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy header with every public response.

    Django 5.2 has no CSP support (it arrives in Django 6.0) and Wagtail adds none, so this
    small middleware does it. Scripts, styles, images and fonts come from this site only (no
    inline script or style), and the only third parties allowed are the video players in
    settings.VIDEO_FRAME_SOURCES, as frames: the video block loads one when a visitor
    presses Play.

    The Wagtail admin is left alone: its editor relies on inline scripts and styles. The
    userbar it adds to public pages for editors loads its files from this site, so it works
    under the policy (tests/browser/test_video.py checks it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(reverse("wagtailadmin_home")):
            response.setdefault("Content-Security-Policy", policy())
        return response


def policy():
    frames = " ".join(settings.VIDEO_FRAME_SOURCES) or "'none'"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            f"frame-src {frames}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )
