"""Acceptance 2: sitemap.xml lists every live public page in both languages, each with its
alternates (bilingual/sitemap.py), and keeps Wagtail's lastmod."""

from xml.etree import ElementTree

import pytest
from wagtail.models import Page

from tests.factories import ThemePageFactory, make_welsh_twin

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    found = {}
    for url in root.findall("s:url", NS):
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
        found[url.findtext("s:loc", namespaces=NS)] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": links,
        }
    return found


def test_every_live_page_in_both_languages_with_its_alternates(client, welsh_page_tree):
    only_english = ThemePageFactory(parent=welsh_page_tree.home, title="Theme 3", slug="theme-3")
    draft = ThemePageFactory(parent=welsh_page_tree.home, title="Theme 4", slug="theme-4")
    make_welsh_twin(draft, "Thema 4", publish=False)
    found = entries(client)

    live = Page.objects.live().public().filter(depth__gt=1)
    expected = {f"http://localhost{page.url}" for page in live.specific()}
    assert set(found) == expected
    assert len(expected) == 2 * 7 + 2  # seven pages and their twins; themes 3 and 4 in English

    for name in ("home", "theme", "index", "case_study", "get_involved", "form", "privacy_notice"):
        english = f"http://localhost{getattr(welsh_page_tree, name).url}"
        welsh = f"http://localhost{getattr(welsh_page_tree.cy, name).url}"
        assert welsh == english.replace("http://localhost/", "http://localhost/cy/")
        both = {"en-GB": english, "cy": welsh, "x-default": english}
        assert found[english]["alternates"] == both, name
        assert found[welsh]["alternates"] == both, name
        assert found[welsh]["lastmod"], name

    # No alternates for a page without a live twin; a Welsh draft is not listed.
    assert found[f"http://localhost{only_english.url}"]["alternates"] == {}
    assert found[f"http://localhost{draft.url}"]["alternates"] == {}
    assert "http://localhost/cy/theme-4/" not in found


def test_the_english_sitemap_is_unchanged_without_welsh_pages(client, page_tree):
    found = entries(client)
    assert "http://localhost/" in found
    assert not any("/cy/" in url for url in found)
    assert all(entry["alternates"] == {} for entry in found.values())
