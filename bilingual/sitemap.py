"""sitemap.xml with every live public page in both languages, each with its alternates.

Wagtail's sitemap lists only the site root's tree in the active language (a known gap), so
this one lists the trees of the site root and of each of its translations (the Welsh
overview is its sibling, not its child), keeps Wagtail's lastmod, and adds to each address
an ``xhtml:link`` per live version (and x-default, English), which Django's sitemap
template writes from ``alternates``."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import ENGLISH, page_language, tag


class BilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True).live():
            trees |= Page.objects.descendant_of_q(home, inclusive=True)
        pages = Page.objects.filter(trees).live().public().order_by("path")
        return pages.defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's, plus the alternates of each address."""
        entries = [
            (item, url_info)
            for item in self.paginator.page(page).object_list
            for url_info in item.get_sitemap_urls(self.request)
        ]
        versions = defaultdict(dict)  # translation key -> {language: its first address}
        for item, url_info in entries:
            versions[item.translation_key].setdefault(page_language(item), url_info["location"])
        urls = []
        for item, url_info in entries:
            twins = versions[item.translation_key]
            if len(twins) > 1:
                url_info["alternates"] = [
                    {"lang_code": tag(code), "location": location}
                    for code, location in sorted(twins.items())
                ]
                if ENGLISH in twins:
                    url_info["alternates"].append(
                        {"lang_code": "x-default", "location": twins[ENGLISH]}
                    )
            urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        # As Wagtail's: no Last-Modified while any page lacks a date (or the site is private).
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
