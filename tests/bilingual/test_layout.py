"""Each public page type in both languages: ``<html lang>``, the switcher naming the other
language in that language and linking the same page's live twin (or saying there is none,
without a link), and the hreflang alternates in the head (bilingual/templatetags)."""

import re

import pytest

from tests.factories import ThemePageFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = ["home", "theme", "index", "case_study", "get_involved", "form", "privacy_notice"]


def head(html):
    return html.split("</head>", 1)[0]


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(html)))


def switcher(html):
    match = re.search(r'<div class="language-bar">(.*?)</div>\s*</div>', html, re.S)
    assert match, "no language switcher"
    return match.group(1)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_each_page_type_in_english_and_welsh(client, welsh_page_tree, name):
    english = getattr(welsh_page_tree, name)
    welsh = getattr(welsh_page_tree.cy, name)
    en_url, cy_url = f"http://testserver{english.url}", f"http://testserver{welsh.url}"
    assert welsh.url == "/cy" + english.url

    html = client.get(english.url).content.decode()
    assert '<html lang="en-GB">' in html
    assert (
        f'<a class="language-bar__link" href="{cy_url}" lang="cy" hreflang="cy">Cymraeg</a>'
        in switcher(html)
    )
    assert alternates(html) == {"en-GB": en_url, "cy": cy_url, "x-default": en_url}

    html = client.get(welsh.url).content.decode()
    assert '<html lang="cy">' in html
    assert (
        f'<a class="language-bar__link" href="{en_url}" lang="en-GB" hreflang="en-GB">'
        "English</a>" in switcher(html)
    )
    assert alternates(html) == {"en-GB": en_url, "cy": cy_url, "x-default": en_url}


def test_a_page_without_a_live_welsh_twin_says_so_in_both_languages(client, welsh_page_tree):
    theme = ThemePageFactory(parent=welsh_page_tree.home, title="Theme 3", slug="theme-3")
    html = client.get(theme.url).content.decode()
    bar = switcher(html)
    assert "No Welsh version yet" in bar
    assert '<span lang="cy">Dim fersiwn Gymraeg eto</span>' in bar
    assert "<a " not in bar
    assert alternates(html) == {}
    # A Welsh draft is no version yet either.
    from tests.factories import make_welsh_twin

    make_welsh_twin(theme, "Thema 3", publish=False)
    bar = switcher(client.get(theme.url).content.decode())
    assert "No Welsh version yet" in bar and "<a " not in bar


def test_the_search_page_switches_to_the_same_search_in_the_other_language(client, site_home):
    html = client.get("/search/?q=belonging").content.decode()
    assert '<html lang="en-GB">' in html
    assert 'href="http://testserver/cy/search/?q=belonging" lang="cy" hreflang="cy"' in html
    html = client.get("/cy/search/?q=belonging").content.decode()
    assert '<html lang="cy">' in html
    assert 'href="http://testserver/search/?q=belonging" lang="en-GB"' in html


def test_the_welsh_menu_lists_the_welsh_pages(client, welsh_page_tree):
    for page in (welsh_page_tree.theme, welsh_page_tree.get_involved):
        page.show_in_menus = True
        page.save_revision().publish()
    for name in ("theme", "get_involved"):
        twin = getattr(welsh_page_tree.cy, name)
        twin.show_in_menus = True
        twin.save_revision().publish()
    nav = client.get("/cy/").content.decode().split('id="site-nav"', 1)[1].split("</nav>")[0]
    assert 'href="/cy/belonging-and-culture/"' in nav and "Thema 2" in nav
    assert 'href="/cy/get-involved/"' in nav and 'href="/cy/"' in nav
    assert 'href="/belonging-and-culture/"' not in nav
    nav = client.get("/").content.decode().split('id="site-nav"', 1)[1].split("</nav>")[0]
    assert 'href="/belonging-and-culture/"' in nav and "/cy/" not in nav


def test_welsh_pages_keep_visitors_in_welsh(client, welsh_page_tree):
    """The wordmark leads to the Welsh overview and the header's search box searches the
    Welsh pages; English pages keep their addresses."""
    html = client.get("/cy/belonging-and-culture/").content.decode()
    assert '<a class="wordmark" href="/cy/">' in html
    assert 'action="/cy/search/"' in html
    html = client.get("/belonging-and-culture/").content.decode()
    assert '<a class="wordmark" href="/">' in html and 'action="/search/"' in html
    found = client.get("/cy/search/?q=Thema").context["results"]
    assert [page.pk for page in found] == [welsh_page_tree.cy.theme.pk]
    found = client.get("/search/?q=belonging").context["results"]
    assert welsh_page_tree.theme.pk in [page.pk for page in found]
    assert all("/cy/" not in page.url for page in found)


@pytest.mark.parametrize(("prefix", "lang"), [("", "en-GB"), ("/cy", "cy")])
def test_the_error_pages_are_in_the_addresses_language(rf, prefix, lang):
    """The 500 page and the database-outage page (pagecache/outage.py, standalone_error.html)
    need no request context: their lang still follows the address."""
    from django.db import OperationalError
    from django.utils import translation

    from bilingual.middleware import LanguageFromPathMiddleware
    from pagecache.outage import server_error, unavailable

    def broken(request):
        try:
            raise RuntimeError("a bug")
        except RuntimeError:
            return server_error(request)

    for view in (broken, lambda request: unavailable(request, OperationalError("down"))):
        request = rf.post(f"{prefix}/get-involved/")
        response = LanguageFromPathMiddleware(view)(request)
        assert f'<html lang="{lang}">'.encode() in response.content
    translation.activate("en-gb")


def test_the_welsh_footer_links_the_welsh_privacy_notice(client, welsh_page_tree):
    footer = client.get("/cy/").content.decode().split('class="site-footer"', 1)[1]
    assert 'href="/cy/privacy-notice/"' in footer
    footer = client.get("/").content.decode().split('class="site-footer"', 1)[1]
    assert 'href="/privacy-notice/"' in footer


def test_a_live_welsh_page_under_a_welsh_overview_not_live_is_not_offered(client, page_tree):
    """Its /cy/ address would lead back to the English page (the routing guard)."""
    from tests.factories import make_welsh_twin

    make_welsh_twin(page_tree.home, "Trosolwg", publish=False)
    make_welsh_twin(page_tree.theme, "Thema 2")
    html = client.get("/belonging-and-culture/").content.decode()
    assert "No Welsh version yet" in switcher(html)
    assert alternates(html) == {}
    assert "/cy/" not in client.get("/sitemap.xml").content.decode()
