"""The Content-Security-Policy of the Wagtail admin (the public policy, config/csp.py,
leaves /admin/ out).

Two headers, because Wagtail 8's admin needs inline code in places:
- enforced (ADMIN_CONTENT_SECURITY_POLICY): no plugins, no foreign scripts, frames or form
  targets, no <base> tricks, no framing by other sites; inline style attributes allowed
  (Wagtail's templates and its JavaScript set them throughout);
- report-only (ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY): the same without inline styles,
  so browsers' consoles show what a stricter policy would block.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy, default_config
from django.conf import settings
from django.urls import reverse


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            for header, policy in (
                (HEADER, settings.ADMIN_CONTENT_SECURITY_POLICY),
                (HEADER_REPORT_ONLY, settings.ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY),
            ):
                if header not in response:
                    response[header] = build_policy(config=default_config(admin_policy(policy)))
        return response


def admin_policy(directives):
    """``directives`` with frame-src allowing the video players (the editor previews video
    blocks) as settings.VIDEO_FRAME_SOURCES says now (tests change it after start-up)."""
    return {**directives, "frame-src": [*directives["frame-src"], *settings.VIDEO_FRAME_SOURCES]}
