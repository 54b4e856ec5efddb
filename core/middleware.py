from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy header with every public response.

    Django 5.2 has no CSP support (it arrives in Django 6.0) and Wagtail adds none, so this
    small middleware does it. Scripts, styles, images and fonts come from this site only (no
    inline script or style), and the only third parties allowed are the video players in
    settings.VIDEO_FRAME_SOURCES, as frames: the video block loads one when a visitor
    presses Play.

    The Wagtail admin is left alone: its editor relies on inline scripts and styles.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(reverse("wagtailadmin_home")):
            response.setdefault("Content-Security-Policy", policy(request))
        return response


def policy(request):
    site_only = "'self'"
    if shows_userbar(request):
        # The Wagtail userbar loads its script and stylesheet from WAGTAILADMIN_BASE_URL,
        # which need not be the address the editor is browsing.
        site_only += " " + settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    frames = " ".join(settings.VIDEO_FRAME_SOURCES) or "'none'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {site_only}",
            f"style-src {site_only}",
            "img-src 'self'",
            "font-src 'self'",
            f"frame-src {frames}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def shows_userbar(request):
    user = getattr(request, "user", None)
    return bool(user and user.has_perm("wagtailadmin.access_admin"))
