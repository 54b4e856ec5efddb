"""What an outside visitor review of the Welsh and English site found, kept fixed."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import InterestFormPageFactory, make_welsh_twin

pytestmark = pytest.mark.django_db

# Roles on which HTML (the Nu HTML Checker) allows aria-labelledby: any but these, and a div
# with no role is "generic".
UNNAMEABLE_ROLES = {"", "generic", "caption", "code", "deletion", "emphasis", "insertion"}
UNNAMEABLE_ROLES |= {"paragraph", "presentation", "strong", "subscript", "superscript"}


@pytest.mark.parametrize("welsh", [False, True])
def test_the_error_summary_may_be_named_by_its_heading(client, page_tree, welsh):
    form = InterestFormPageFactory(parent=page_tree.get_involved, title="Cofrestru", publish=True)
    if welsh:
        make_welsh_twin(page_tree.home, "Trosolwg")
        make_welsh_twin(page_tree.get_involved, "Cymryd rhan")
        form = make_welsh_twin(form, "Cofrestru")
    response = client.post(form.url, {})
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").find(id="error-summary")
    assert summary["aria-labelledby"] == "error-summary-title"
    assert summary.get("role", "") not in UNNAMEABLE_ROLES


def test_a_welsh_address_of_an_english_only_page_leads_to_the_english_page(client, page_tree):
    """The switcher of an English page with no Welsh version says so; a Welsh reader who
    has its /cy/ address anyway (a link, a Welsh page since unpublished) reaches it too."""
    make_welsh_twin(page_tree.home, "Trosolwg")  # the Welsh tree is live
    english = page_tree.case_study.url
    response = client.get("/cy" + english + "?region=wales")
    assert response.status_code == 302
    assert response["Location"] == english + "?region=wales"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # A Welsh page made and then unpublished: its address leads to English as well.
    make_welsh_twin(page_tree.theme, "Thema 2").unpublish()
    response = client.get("/cy" + page_tree.theme.url)
    assert (response.status_code, response["Location"]) == (302, page_tree.theme.url)
    # An address that is nothing in either language stays a Welsh "page not found".
    response = client.get("/cy/no-such-page/")
    assert response.status_code == 404
    assert b'<html lang="cy">' in response.content


def test_the_english_site_name_is_marked_english_on_welsh_pages(client, page_tree):
    """The report's English title, in the header and footer of every page: a Welsh
    screen-reader voice would say it as Welsh (WCAG 3.1.2, language of parts)."""
    make_welsh_twin(page_tree.home, "Trosolwg")
    for path, lang in (("/cy/", "en-GB"), ("/", None)):
        doc = BeautifulSoup(client.get(path).content, "html.parser")
        names = [
            doc.find(class_="wordmark__title"),
            doc.find("footer").find(class_="site-footer__name"),
        ]
        for name in names:
            assert name.get_text(strip=True) == "Place and Belonging in School"
            assert name.get("lang") == lang, (path, name)
