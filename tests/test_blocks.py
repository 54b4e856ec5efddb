"""Each shared block renders the semantics its content needs."""

import pytest
from django.core.exceptions import ValidationError

from casestudies import blocks as casestudy_blocks
from casestudies.models import CaseStudyPage
from core import blocks
from home.models import HomePage, StandardPage
from themes.models import ThemePage

from .html import parse


def render(block, raw):
    return parse(block.render(block.to_python(raw)))


def test_trait_list_is_a_description_list_with_optional_heading_and_intro():
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
    assert [dt.text for dt in doc.find_all("dt")] == ["Respect", "Why did you do that?"]
    assert [dd.text for dd in doc.find_all("dd")] == ["You feel respected and accepted."]

    bare = render(blocks.TraitListBlock(), {"items": [{"name": "Agency", "description": "x"}]})
    assert bare.find("h2") is None and bare.find("p") is None


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
def test_call_to_action_links_to_the_chosen_page(starter_site):
    get_involved = StandardPage.objects.get(slug="get-involved")
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
def test_call_to_action_needs_exactly_one_link(starter_site, link_page, url):
    block = blocks.CallToActionBlock()
    value = block.to_python(
        {
            "heading": "H",
            "text": "",
            "link_text": "Go",
            "page": link_page and starter_site.pk,
            "url": url,
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_image_block_renders_a_responsive_picture_with_alt_text(starter_site):
    image = ThemePage.objects.first().banner_image
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
def test_case_study_teaser_is_a_card_linking_to_a_live_case_study(starter_site):
    case_study = CaseStudyPage.objects.get(slug="helston-community-college")
    block = casestudy_blocks.CaseStudyTeaserBlock()
    doc = render(block, {"case_study": case_study.pk})
    assert doc.find("article").find("a").attrs["href"] == case_study.url
    case_study.unpublish()
    assert render(block, {"case_study": case_study.pk}).find("article") is None


@pytest.mark.parametrize("block_name", ["trait_list", "comparison"])
def test_trait_list_and_comparison_are_defined_once_and_used_by_several_page_types(block_name):
    shared = casestudy_blocks.BodyStreamBlock.base_blocks[block_name].__class__
    users = [
        model
        for model in (HomePage, ThemePage, CaseStudyPage, StandardPage)
        if isinstance(model._meta.get_field("body").stream_block.child_blocks[block_name], shared)
    ]
    assert len(users) >= 2
