"""Language of parts (WCAG 3.1.2, issue 20): editors mark a Welsh phrase inside English text
("CY") or an English phrase inside Welsh text ("EN") in the rich-text toolbar; the page keeps
``lang`` on the phrase, so screen readers switch voice."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import features

from core.blocks import RICH_TEXT_FEATURES
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

MARKED = '<p>The Welsh for belonging is <span lang="cy">perthyn</span>.</p>'


def test_the_toolbar_offers_a_welsh_and_an_english_phrase():
    assert {"lang-cy", "lang-en"} <= set(RICH_TEXT_FEATURES)
    controls = {
        name: features.get_editor_plugin("draftail", name).data for name in ("lang-cy", "lang-en")
    }
    assert controls["lang-cy"]["label"] == "CY"
    assert controls["lang-cy"]["description"] == "Welsh phrase"
    assert controls["lang-en"]["label"] == "EN"
    assert controls["lang-en"]["description"] == "English phrase"


@pytest.mark.parametrize(
    "html",
    [MARKED, '<p>Ysgol <span lang="en-GB">Place and Belonging in School</span> yw hon.</p>'],
)
def test_what_the_editor_marks_is_stored_with_its_lang(html):
    """Through the editor and back (Draftail's contentstate, as Wagtail saves it)."""
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    contentstate = converter.from_database_format(html)
    styles = [
        r["style"] for b in json.loads(contentstate)["blocks"] for r in b["inlineStyleRanges"]
    ]
    assert styles in (["LANG_CY"], ["LANG_EN"])
    stored = converter.to_database_format(contentstate)
    assert re.sub(r' data-block-key="\w+"', "", stored) == html


def test_the_published_page_keeps_lang_on_the_phrase(client, site_home):
    page = StandardPageFactory(
        parent=site_home, title="Belonging", body=[{"type": "rich_text", "value": MARKED}]
    )
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").find("div", class_="rich-text")
    phrase = body.find("span", lang="cy")
    assert phrase is not None and phrase.get_text() == "perthyn"
