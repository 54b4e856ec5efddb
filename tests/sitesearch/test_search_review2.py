"""Review 2: on the results page the header's search box shows the words searched for."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_header_box_keeps_the_words_searched_for(client, larkspur):
    doc = BeautifulSoup(client.get("/search/", {"q": "orchard  <b>"}).content, "html.parser")
    assert doc.select_one("header input[name=q]")["value"] == "orchard <b>"
    # Elsewhere it starts empty.
    doc = BeautifulSoup(client.get(larkspur.url).content, "html.parser")
    assert doc.select_one("header input[name=q]").get("value", "") == ""
