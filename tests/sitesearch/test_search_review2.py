"""Review 2: on the results page the header's search box shows the words searched for."""

import pytest
from bs4 import BeautifulSoup

from sitesearch.views import hyphenated_variant
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def test_the_header_box_keeps_the_words_searched_for(client, larkspur):
    doc = BeautifulSoup(client.get("/search/", {"q": "orchard  <b>"}).content, "html.parser")
    assert doc.select_one("header input[name=q]")["value"] == "orchard <b>"
    # Elsewhere it starts empty.
    doc = BeautifulSoup(client.get(larkspur.url).content, "html.parser")
    assert doc.select_one("header input[name=q]").get("value", "") == ""


@pytest.mark.parametrize("words", ["co-operative", "cooperative", "Cooperative orchard"])
def test_a_word_written_with_or_without_its_hyphen_is_found(client, case_study_index, words):
    page = CaseStudyPageFactory(
        parent=case_study_index,
        title="Wrenfield: learning together",
        body=[{"type": "rich_text", "value": "<p>A co-operative orchard run by pupils.</p>"}],
        publish=True,
    )
    doc = BeautifulSoup(client.get("/search/", {"q": words}).content, "html.parser")
    assert [a["href"] for a in doc.select(".search-result__title a")] == [page.url]


def test_the_split_is_only_tried_for_known_prefixes():
    assert hyphenated_variant("cooperative learning") == "co operative learning"
    assert hyphenated_variant("orchard") == ""
    assert hyphenated_variant("core") == ""  # too short to be a prefixed word
