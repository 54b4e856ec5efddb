"""Each shared block renders the semantics its content needs."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from casestudies import blocks as casestudy_blocks
from core import blocks
from tests.factories import ImageFactory


def parse(markup):
    return BeautifulSoup(markup, "html.parser")


def render(block, raw):
    return parse(block.render(block.to_python(raw)))


def test_trait_list_is_a_description_list_only_when_every_item_is_described():
    doc = render(
        blocks.TraitListBlock(),
        {
            "heading": "When you feel you belong",
            "intro": "Five things change.",
            "items": [
                {"name": "Respect", "description": "You feel respected and accepted."},
                {"name": "Why did you do that?", "description": ""},
            ],
        },
    )
    assert doc.find("h2").text == "When you feel you belong"
    assert doc.find("p").text == "Five things change."
    # An item without a description cannot be a <dt> without its <dd> (invalid HTML): the
    # list is then a plain list, each item's name in bold before its description.
    assert doc.find("dl") is None
    items = doc.find("ul").find_all("li")
    assert [li.find("strong").text for li in items] == ["Respect", "Why did you do that?"]
    assert "You feel respected and accepted." in items[0].text

    bare = render(blocks.TraitListBlock(), {"items": [{"name": "Agency", "description": "x"}]})
    assert bare.find("h2") is None and bare.find("p") is None
    assert [dt.text for dt in bare.find_all("dt")] == ["Agency"]
    assert [dd.text for dd in bare.find_all("dd")] == ["x"]
    for group in bare.find("dl").find_all("div"):
        assert group.find("dt") and group.find("dd"), "each <div> in a <dl> needs a dt and a dd"


def test_comparison_is_two_headed_lists_not_a_table():
    doc = render(
        blocks.ComparisonBlock(),
        {
            "first": {"heading": "Challenge", "lead_in": "", "points": ["a", "b"]},
            "second": {"heading": "Opportunity", "lead_in": "Linked to:", "points": ["c"]},
        },
    )
    sections = doc.find_all("section")
    assert [s.find("h2").text for s in sections] == ["Challenge", "Opportunity"]
    assert [[li.text for li in s.find_all("li")] for s in sections] == [["a", "b"], ["c"]]
    assert sections[1].find("p").text == "Linked to:"
    assert doc.find("table") is None


def test_pull_quote_is_a_blockquote_in_a_figure_with_attribution():
    doc = render(blocks.PullQuoteBlock(), {"quote": "Part of the place.", "attribution": "Staff"})
    figure = doc.find("figure")
    assert figure.find("blockquote").text == "Part of the place."
    assert figure.find("figcaption").text == "Staff"


def test_heading_block_uses_the_chosen_level():
    assert render(blocks.HeadingBlock(), {"text": "Agency", "level": "h3"}).find("h3").text == (
        "Agency"
    )
    assert render(blocks.HeadingBlock(), {"text": "Agency", "level": "h2"}).find("h2") is not None


@pytest.mark.django_db
def test_call_to_action_links_to_the_chosen_page(get_involved):
    doc = render(
        blocks.CallToActionBlock(),
        {
            "heading": "Get involved",
            "text": "Join in.",
            "link_text": "Get involved",
            "page": get_involved.pk,
            "url": "",
        },
    )
    aside = doc.find("aside")
    assert aside.attrs["aria-label"] == "Get involved"
    assert aside.find("a").attrs["href"] == "/get-involved/"


@pytest.mark.parametrize("link_page, url", [(None, ""), (1, "https://neu.org.uk/")])
@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_link(site_home, link_page, url):
    block = blocks.CallToActionBlock()
    value = block.to_python(
        {
            "heading": "H",
            "text": "",
            "link_text": "Go",
            "page": link_page and site_home.pk,
            "url": url,
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_image_block_renders_a_responsive_picture_with_alt_text():
    image = ImageFactory()
    block = blocks.FigureBlock()
    value = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "Circles", "decorative": False},
            "caption": "Our banner",
        }
    )
    doc = parse(block.render(value))
    img = doc.find("img")
    assert img.attrs["alt"] == "Circles"
    assert "srcset" in img.attrs and "sizes" in img.attrs
    assert doc.find("source", type="image/webp") is not None
    assert doc.find("figcaption").text == "Our banner"

    decorative = block.to_python(
        {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""}
    )
    assert parse(block.render(decorative)).find("img").attrs["alt"] == ""


@pytest.mark.django_db
def test_case_study_teaser_is_a_card_linking_to_a_live_case_study(case_study):
    block = casestudy_blocks.CaseStudyTeaserBlock()
    doc = render(block, {"case_study": case_study.pk})
    assert doc.find("article").find("a").attrs["href"] == case_study.url
    case_study.unpublish()
    assert render(block, {"case_study": case_study.pk}).find("article") is None


SHARED_BODY = [
    {
        "type": "trait_list",
        "value": {
            "heading": "Shared on every page type",
            "intro": "",
            "items": [{"name": "Respect", "description": "You feel respected and accepted."}],
        },
    },
    {
        "type": "comparison",
        "value": {
            "first": {"heading": "The challenge", "lead_in": "", "points": ["One"]},
            "second": {"heading": "The opportunity", "lead_in": "", "points": ["Two"]},
        },
    },
]


@pytest.mark.django_db
def test_trait_list_and_comparison_render_the_same_in_every_page_types_body(page_tree, client):
    pages = [page_tree.home, page_tree.theme, page_tree.case_study, page_tree.get_involved]
    rendered = {}
    for page in pages:
        page.body = SHARED_BODY
        page.save_revision().publish()
        doc = parse(client.get(page.url).content)
        for block in ("trait_list", "comparison"):
            element = doc.find("div", class_=f"block--{block}")
            assert element is not None, f"{type(page).__name__} shows no {block} in its body"
            rendered.setdefault(block, {})[type(page).__name__] = str(element)

    assert "Shared on every page type" in rendered["trait_list"]["ThemePage"]
    assert "The opportunity" in rendered["comparison"]["ThemePage"]
    for block, markup in rendered.items():
        assert len(set(markup.values())) == 1, f"{block} differs between page types: {markup}"
