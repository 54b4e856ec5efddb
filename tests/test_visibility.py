"""Pages an editor makes private stay private, with Wagtail's own privacy checks (the copy
of them in core was removed in issue 16) and the page cache: the page asks for its
password, and lists and menus leave it out, from the next request on."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

CULTURE = "/belonging-and-culture/"


def test_a_private_theme_asks_for_its_password_and_leaves_the_menu(client, starter_site):
    page = ThemePage.objects.get(url_path__endswith=CULTURE)
    assert page.title in client.get(CULTURE).content.decode()
    assert f'href="{CULTURE}"' in client.get("/").content.decode()

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private = client.get(CULTURE).content.decode()
    assert 'name="password"' in private
    assert "Case studies on this theme" not in private
    assert f'href="{CULTURE}"' not in client.get("/").content.decode()


def listed_on(client, theme):
    """The titles in the theme page's list of its case studies."""
    html = BeautifulSoup(client.get(theme.url).content.decode(), "html.parser")
    section = html.find("section", class_="case-study-list")
    return [title.get_text(strip=True) for title in section.find_all("h3")] if section else []


def test_a_private_case_study_is_not_listed_on_its_theme(client, starter_site):
    case_study = CaseStudyPage.objects.live().first()
    theme = ThemePage.objects.get(url_path__endswith=CULTURE)
    case_study.themes.add(theme)
    case_study.save_revision().publish()
    assert case_study.title in listed_on(client, theme)

    PageViewRestriction.objects.create(
        page=case_study, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert case_study.title not in listed_on(client, theme)
    assert 'name="password"' in client.get(case_study.url).content.decode()
