"""A Welsh page's links to other pages of the site lead to their Welsh versions when those
are live (core/languages.py): a Welsh copy keeps the English pages its editor chose, and a
Welsh visitor following "Cymryd rhan" should not land on the English form. English pages
never list or link to Welsh ones."""

import json

import pytest
from bs4 import BeautifulSoup

from getinvolved.models import PrivacyNoticePage
from tests.factories import make_welsh_twin

pytestmark = pytest.mark.django_db


def links(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return {a["href"] for a in main.find_all("a", href=True) if a["href"].startswith("/")}


@pytest.fixture
def linked_tree(page_tree):
    """page_tree whose pages link to one another as the starter content's do, then Welsh
    twins of each (copied after the links were chosen, as a translator's copy would be)."""
    tree = page_tree
    cta = {"heading": "Get involved", "text": "", "link_text": "Get involved", "url": ""}
    tree.home.actions = json.dumps(
        [{"type": "action", "value": {"text": "Go", "page": tree.get_involved.pk, "part": ""}}]
    )
    tree.home.save_revision().publish()
    tree.theme.body = json.dumps(
        [
            {"type": "call_to_action", "value": {**cta, "page": tree.get_involved.pk}},
            {"type": "case_study_teaser", "value": {"case_study": tree.case_study.pk}},
        ]
    )
    tree.theme.save_revision().publish()
    tree.get_involved.body = json.dumps(
        [{"type": "call_to_action", "value": {**cta, "page": tree.form.pk}}]
    )
    tree.get_involved.save_revision().publish()
    tree.notice = PrivacyNoticePage(title="How we use your answers", slug="how-we-use")
    tree.home.add_child(instance=tree.notice)
    tree.notice.save_revision().publish()
    tree.cy = {
        name: make_welsh_twin(getattr(tree, name), f"Prawf {name}")
        for name in ("home", "theme", "index", "case_study", "get_involved", "form", "notice")
    }
    return tree


def test_welsh_pages_link_to_welsh_pages(client, linked_tree):
    cy = {name: page.url for name, page in linked_tree.cy.items()}
    assert {cy["get_involved"], cy["case_study"]} <= links(client, cy["theme"])
    assert cy["theme"] in links(client, cy["case_study"])  # its themes
    assert cy["form"] in links(client, cy["get_involved"])
    assert cy["get_involved"] in links(client, cy["home"])  # the first screen's action
    assert cy["form"] in links(client, cy["notice"])  # the forms it covers
    for name in ("home", "theme", "case_study", "get_involved", "notice"):
        english = {href for href in links(client, cy[name]) if not href.startswith("/cy/")}
        assert not english, (name, english)


def test_english_pages_keep_english_links_and_list_no_welsh_page(client, linked_tree):
    tree = linked_tree
    for page in (tree.home, tree.theme, tree.case_study, tree.get_involved, tree.notice):
        welsh = {href for href in links(client, page.url) if href.startswith("/cy/")}
        assert not welsh, (page.url, welsh)
    assert {tree.case_study.url, tree.get_involved.url} <= links(client, tree.theme.url)
    assert tree.form.url in links(client, tree.notice.url)
    assert list(tree.theme.live_case_studies()) == [tree.case_study.specific]
    assert list(tree.cy["theme"].live_case_studies()) == [tree.cy["case_study"]]


def test_a_link_whose_welsh_page_is_not_live_stays_english(client, linked_tree):
    linked_tree.cy["form"].unpublish()
    assert linked_tree.form.url in links(client, linked_tree.cy["get_involved"].url)


def test_the_welsh_thank_you_page_leads_on_to_welsh_pages(client, linked_tree):
    form = linked_tree.cy["form"]
    hrefs = links(client, form.url + form.reverse_subpage("thank_you_view"))
    assert linked_tree.cy["index"].url in hrefs  # "Darllen yr astudiaethau achos"
    assert "/cy/#themes" in hrefs
    assert not {href for href in hrefs if not href.startswith("/cy/")}, hrefs
