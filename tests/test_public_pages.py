"""What a visitor sees on each page type of the starter site."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def parse(markup):
    return BeautifulSoup(markup, "html.parser")


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content)


def test_overview_shows_the_comparison_with_all_ten_points(client, starter_site):
    doc = get_page(client, "/")
    comparison = doc.find("div", class_="comparison")
    columns = comparison.find_all("section")
    assert [c.find("h2").text for c in columns] == [
        "The Belonging Challenge",
        "The Belonging Opportunity",
    ]
    assert [len(c.find_all("li")) for c in columns] == [4, 6]
    assert "1 in 4 young people feel they do not belong" in columns[0].text
    assert "A sense of belonging has been linked to" in columns[1].text
    assert doc.find("table") is None  # two lists side by side, not a layout table


def test_overview_links_to_every_theme_and_case_study_within_one_hop(client, starter_site):
    def links(url):
        return {a.attrs["href"] for a in get_page(client, url).find_all("a") if "href" in a.attrs}

    from_home = links("/")
    reachable = set(from_home)
    for href in from_home:
        if href.startswith("/") and not href.startswith("/admin"):
            reachable |= links(href)
    for page in [*ThemePage.objects.live(), *CaseStudyPage.objects.live()]:
        assert page.url in from_home | reachable, page.title
    for theme in ThemePage.objects.live():
        assert theme.url in from_home, "theme cards link straight from the overview"


def test_theme_cards_list_the_theme_pages_in_tree_order(client, starter_site):
    doc = get_page(client, "/")
    cards = doc.find("section", class_="themes").find_all("h3")
    assert [card.text for card in cards] == [t.title for t in ThemePage.objects.live()]


def case_study_links(doc):
    """Links to case studies on a page, in order (breadcrumbs and navigation excluded)."""
    return [
        a.attrs["href"]
        for a in doc.find("main").find_all("a", href=True)
        if a.attrs["href"].startswith("/case-studies/") and a.attrs["href"] != "/case-studies/"
    ]


def test_theme_page_lists_its_case_studies_automatically_and_each_once(client, starter_site):
    leadership = ThemePage.objects.get(slug="belonging-and-leadership")
    culture = ThemePage.objects.get(slug="belonging-and-culture")
    flakesfleet = CaseStudyPage.objects.get(slug="flakesfleet-primary-school")
    helston = CaseStudyPage.objects.get(slug="helston-community-college")

    # Flakesfleet is told in the text (a teaser), so it is not listed again below it.
    leadership_doc = get_page(client, leadership.url)
    assert case_study_links(leadership_doc) == [flakesfleet.url]
    assert leadership_doc.find("section", class_="case-study-list") is None

    # Tagging a case study with a theme lists it there; unpublishing removes it.
    helston.themes.add(leadership)
    helston.save_revision().publish()
    leadership_doc = get_page(client, leadership.url)
    listing = leadership_doc.find("section", class_="case-study-list")
    assert "Helston" in listing.text and "Flakesfleet" not in listing.text
    assert case_study_links(leadership_doc) == [flakesfleet.url, helston.url]
    helston.unpublish()
    culture_doc = get_page(client, culture.url)
    assert culture_doc.find("section", class_="case-study-list") is None
    assert helston.url not in case_study_links(culture_doc)


def test_theme_page_renders_its_trait_list(client, starter_site):
    doc = get_page(client, "/belonging-and-leadership/")
    assert doc.find("h1").text == "Theme 1: belonging and leadership"
    traits = doc.find("div", class_="trait-list")
    assert [dt.text for dt in traits.find_all("dt")] == [
        "Leaders of Place",
        "Authentic",
        "Learning-centred",
        "Relational",
        "Agency",
    ]


def test_case_study_page_shows_its_facts_and_theme_links(client, starter_site):
    page = CaseStudyPage.objects.get(slug="flakesfleet-primary-school")
    doc = get_page(client, page.url)
    facts = {
        div.find("dt").text: div.find("dd").text
        for div in doc.find("dl", class_="facts").find_all("div")
    }
    assert facts["School"] == "Flakesfleet Primary School"
    assert facts["Town"] == "Fleetwood"
    assert facts["Region"] == "North West England"
    assert facts["Phase"] == "Primary"
    theme_link = doc.find("dl", class_="facts").find("a")
    assert theme_link.attrs["href"] == "/belonging-and-leadership/"
    assert "Dare to Dream" in doc.text


def test_inner_pages_have_breadcrumbs_and_the_overview_has_none(client, starter_site):
    assert get_page(client, "/").find("nav", **{"aria-label": "Breadcrumb"}) is None
    crumbs = get_page(client, "/case-studies/flakesfleet-primary-school/").find(
        "nav", **{"aria-label": "Breadcrumb"}
    )
    assert [li.text for li in crumbs.find_all("li")] == [
        "Overview",
        "Case studies",
        "Flakesfleet Primary School: Dare to Dream",
    ]


def test_every_live_page_renders_with_landmarks(client, starter_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        doc = get_page(client, page.url)
        assert doc.find("a", class_="skip-link").attrs["href"] == "#main-content"
        assert doc.find("main", id="main-content") is not None
        assert doc.find("header") is not None and doc.find("footer") is not None
        assert len(doc.find_all("h1")) == 1, page.url


def test_missing_page_gets_the_site_404(client, starter_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert parse(response.content).find("h1").text == "Page not found"


def test_server_error_page_is_self_contained(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    doc = parse(html)
    assert doc.find("h1").text == "Something went wrong"
    assert doc.find("main", id="main-content") is not None


def test_pages_load_nothing_from_other_sites(client, starter_site):
    from urllib.parse import urlsplit

    resources = [("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")]
    for page in Page.objects.live().filter(depth__gt=1):
        doc = get_page(client, page.url)
        for tag, attr in resources:
            for element in doc.find_all(tag):
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue  # an address, not something the browser fetches
                host = urlsplit(element.attrs.get(attr, "")).netloc
                assert host in ("", "testserver"), (page.url, tag, element.attrs)
        for source in doc.find_all("source"):
            for candidate in source.attrs.get("srcset", "").split(","):
                assert urlsplit(candidate.strip()).netloc in ("", "testserver")


def test_sitemap_lists_every_live_page(client, starter_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for page in Page.objects.live().filter(depth__gt=1):
        assert page.url in body


def test_pages_link_their_icons_and_favicon_ico_is_served(client, starter_site):
    """A favicon and a touch icon on every page; /favicon.ico (which browsers and crawlers
    ask for whatever the page links) leads to the icon instead of a 404."""
    from django.contrib.staticfiles import finders

    doc = get_page(client, "/")
    icons = {
        link.attrs["href"]
        for link in doc.find_all("link")
        if set(link.attrs.get("rel", [])) & {"icon", "apple-touch-icon"}
    }
    assert {"/static/icons/favicon.svg", "/static/icons/apple-touch-icon.png"} <= icons
    for href in icons:
        assert finders.find(href.removeprefix("/static/")), href

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url == "/static/icons/favicon.ico"
    assert finders.find("icons/favicon.ico")


def test_footer_credits_the_research_and_links_to_the_neu(client, starter_site):
    footer = get_page(client, "/").find("footer")
    assert "The Art of Possibilities and the UCL Institute of Education" in footer.text
    links = {a.text: a.attrs["href"] for a in footer.find_all("a")}
    assert links["National Education Union website"] == "https://neu.org.uk"
    assert "Privacy notice" in links


def test_server_error_page_has_the_site_header_and_stylesheet(client):
    from django.template.loader import render_to_string

    doc = parse(render_to_string("500.html"))
    assert "Place and Belonging in School" in doc.find("header").text
    assert doc.find("link", rel="stylesheet").attrs["href"] == "/static/css/site.css"
