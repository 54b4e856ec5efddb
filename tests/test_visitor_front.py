"""Issue 17 as HTML: the overview's first screen comes from editors' fields (and they are
told when an action leads nowhere), a heading left with nothing under it goes, every page
that invites contact gives a working route in every configuration of the site settings, a
case-study index says which filter values it did not apply, and a thank-you page says what
happens next."""

import json

import pytest
from bs4 import BeautifulSoup

from core.incomplete import incomplete_blocks
from core.models import SiteSettings
from home.models import HomePage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

NEU = "https://neu.org.uk"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(element):
    return " ".join(element.get_text(" ").split())


def test_the_first_screen_comes_from_the_overviews_fields(client, starter_site):
    hero = soup(client.get("/")).select_one(".hero")
    assert words(hero.select_one(".hero__lead")).startswith("Research commissioned by the")
    links = [(a.get_text(strip=True), a["href"]) for a in hero.select(".hero__actions a")]
    assert [text for text, _ in links] == ["Explore the three themes", "Read the report"] + [
        "Get involved"
    ]
    assert links[0][1] == "#themes" and links[1][1].startswith("#block-")
    assert links[2][1] == "/get-involved/"
    # The 118 words of introduction come after the first screen, not in it.
    assert "The context for the research" not in words(hero)

    home = HomePage.objects.get()
    home.actions = json.dumps([{"type": "action", "value": {"text": "Read it", "part": "report"}}])
    home.body = json.dumps([b for b in home.body.raw_data if b["type"] != "report"])
    home.save_revision().publish()
    hero = soup(client.get("/")).select_one(".hero")
    assert not hero.select(".hero__actions a"), "an action with nothing to lead to is left out"
    assert any("“Read it” leads to nothing" in reason for reason in incomplete_blocks(home))


def test_a_heading_left_with_nothing_under_it_is_not_shown(client, starter_site):
    theme = ThemePage.objects.get(slug="belonging-and-agency")
    theme.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Watch the talk", "level": "h2"}},
            {"type": "video", "value": {"title": "A talk", "url": "", "description": "About."}},
            {"type": "heading", "value": {"text": "Kept, with its text", "level": "h2"}},
            {"type": "rich_text", "value": "<p>Words under it.</p>"},
            {"type": "heading", "value": {"text": "Last, with nothing after", "level": "h2"}},
        ]
    )
    theme.save_revision().publish()
    main = soup(client.get(theme.url)).find("main")
    headings = [words(h) for h in main.find_all(["h2", "h3"])]
    assert "Watch the talk" not in headings
    assert "Last, with nothing after" not in headings
    assert "Kept, with its text" in headings


@pytest.mark.parametrize(
    "contact, accessibility, footer_route, statement_route",
    [
        ("", "", NEU, NEU),
        ("hello@example.org", "", "mailto:hello@example.org", "mailto:hello@example.org"),
        ("", "access@example.org", NEU, "mailto:access@example.org"),
        ("hello@example.org", "access@example.org", "mailto:hello@example.org", "mailto:access@"),
    ],
)
def test_every_invitation_to_get_in_touch_has_a_working_route(
    client, starter_site, contact, accessibility, footer_route, statement_route
):
    SiteSettings.objects.update(contact_email=contact, accessibility_email=accessibility)
    SiteSettings.objects.get().save()  # as the settings form does: cached pages go
    page = soup(client.get("/accessibility-statement/"))
    footer = page.select_one(".site-footer__contact")
    assert footer.find("a", href=lambda href: href.startswith(footer_route)), footer
    route = page.find("main").select_one(".site-contact")
    assert route.find("a", href=lambda href: href.startswith(statement_route)), route
    if statement_route == NEU:
        assert "contacts" in words(route)
    # Never an address nobody set.
    for link in page.select('a[href^="mailto:"]'):
        assert link["href"][len("mailto:") :] in {contact, accessibility}


def test_the_case_study_index_says_what_it_did_with_its_address(client, starter_site):
    main = soup(client.get("/case-studies/?region=atlantis&phase=primary")).find("main")
    summary = words(main.select_one(".filter-summary"))
    assert "“atlantis” is not a region you can choose here, so it was not applied." in summary
    assert "all 2 case studies are shown" in summary
    assert main.select_one(".filter-summary") is not None
    assert soup(client.get("/case-studies/")).select_one(".filter-summary") is None


def test_a_thank_you_page_says_what_happens_next(client, starter_site):
    page = soup(client.get("/get-involved/register-your-interest/thank-you/"))
    main = page.find("main")
    assert words(main.find("h1")) == "Thank you"
    trail = [words(li) for li in page.select(".breadcrumbs li")]
    assert trail[-2:] == ["Register your interest", "Thank you"]
    assert page.select_one('.breadcrumbs [aria-current="page"]').get_text() == "Thank you"
    text = words(main)
    assert "confirmation email to the address you gave" in text
    assert "“Register your interest: thank you”" in text
    links = {words(a): a["href"] for a in main.find_all("a")}
    assert links["Explore the three themes"] == "/#themes"
    assert links["Read the case studies"] == "/case-studies/"
    assert links["Read the report"].startswith("/#block-")


def test_the_overviews_title_names_the_site_once(client, starter_site):
    title = soup(client.get("/")).title.get_text()
    assert title.count("Place and Belonging in School") == 1
    assert soup(client.get("/get-involved/")).title.get_text() == (
        "Get involved | Place and Belonging in School"
    )
