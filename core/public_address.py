"""The site's public address, from one setting: WAGTAILADMIN_BASE_URL (required in production).

- The Wagtail site record (Settings → Sites) takes its host name and port from it
  (``apply_to_site``: the starter content's loader when it creates the site, and
  ``manage.py set_site_address``, which ``setup_site`` runs); the sitemap and every absolute
  address Wagtail makes (page.full_url, the CDN purges) come from that record.
- Canonical links take it from ``PUBLIC_URL`` (production: WAGTAILADMIN_BASE_URL; elsewhere
  empty, meaning the address the request came to, so a development server answers on any
  of its names).
- /robots.txt names the sitemap at that address.
- A deploy check (``manage.py check --deploy``) fails when the default site's host name is
  not one of ALLOWED_HOSTS, or differs from WAGTAILADMIN_BASE_URL's: search engines would be
  sent to an address that does not answer."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.http import HttpResponse
from django.http.request import validate_host
from django.views.decorators.http import require_GET
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def configured_address(url=None):
    """(host name, port) of WAGTAILADMIN_BASE_URL (or ``url``)."""
    parts = urlsplit(url or settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def apply_to_site(site):
    """Give ``site`` the configured host name and port; True when that changed it."""
    hostname, port = configured_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()
    return True


def public_root(request):
    """The public address without a trailing slash: PUBLIC_URL, or where ``request`` came."""
    root = getattr(settings, "PUBLIC_URL", "") or f"{request.scheme}://{request.get_host()}"
    return root.rstrip("/")


def public_url(request, path):
    return public_root(request) + path


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search results are made for visitors, not indexes (the pages themselves are listed).
        "Disallow: /search/",
        "",
        f"Sitemap: {public_url(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@checks.register(checks.Tags.sites, deploy=True)
def check_default_site_address(app_configs=None, **kwargs):
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # no database yet (before migrate): nothing to compare
    if site is None:
        return []
    problems = []
    if not validate_host(site.hostname, settings.ALLOWED_HOSTS):
        problems.append(
            checks.Error(
                f"The default site's host name, {site.hostname!r}, is not in ALLOWED_HOSTS: "
                "the sitemap and Wagtail's links would point to an address this site refuses.",
                hint="Run `manage.py set_site_address` (it copies WAGTAILADMIN_BASE_URL), or "
                "change the site under Settings → Sites.",
                obj=site,
                id="core.E001",
            )
        )
    if (site.hostname, site.port) != configured_address():
        problems.append(
            checks.Error(
                f"The default site is {site.root_url}, but WAGTAILADMIN_BASE_URL is "
                f"{settings.WAGTAILADMIN_BASE_URL}: the sitemap and canonical links would "
                "disagree.",
                hint="Run `manage.py set_site_address`.",
                obj=site,
                id="core.E002",
            )
        )
    return problems
