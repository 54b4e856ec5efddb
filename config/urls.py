from django.conf import settings
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.public_address import robots_txt
from editorial import admin_history
from sitesearch.views import search
from staff.passwords import QueuedPasswordResetView

# Resolved per request: in production the static file's name carries a hash from the manifest.
lazy_static = lazy(static, str)

# A database outage gets the designed 503 page even when raised outside a view.
handler500 = "pagecache.outage.server_error"

urlpatterns = [
    # Before Wagtail's own view at this address: the email is queued, and requests throttled.
    path(
        "admin/password_reset/",
        QueuedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Site history without the log entries a person may not read (editorial/admin_history.py).
    path("admin/reports/", include(admin_history)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    # The page-view counter's beacon (a same-origin POST from every page).
    path("insights/", include("insights.urls")),
    path("robots.txt", robots_txt),
    path("search/", search, name="search"),
    # Browsers and crawlers ask for /favicon.ico whatever the pages link to.
    path("favicon.ico", RedirectView.as_view(url=lazy_static("icons/favicon.ico"))),
]

if settings.SERVE_MEDIA:
    # Development and test servers serve uploads themselves; in production the web
    # server in front of Django serves MEDIA_ROOT (see docs/operations.md).
    # (django.conf.urls.static.static() does nothing unless DEBUG, and tests run without it.)
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]
