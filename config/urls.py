from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bilingual.sitemap import BilingualSitemap
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
    # Both languages' pages, with their alternates (Wagtail's own lists one language).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}),
    # The page-view counter's beacon (a same-origin POST from every page).
    path("insights/", include("insights.urls")),
    path("robots.txt", robots_txt),
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

# Welsh under /cy/, English unprefixed as before (so no link breaks). The language is read
# from the address by bilingual.middleware, never from headers or cookies.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
