"""StreamField blocks shared by every page type.

Each block is defined once here and reused through ``ContentStreamBlock`` (extended by
``casestudies.blocks.BodyStreamBlock``) so that editors get the same choices, and visitors the
same markup, on the overview, theme, case-study and standard pages. Every block has a
description and a ``preview_value`` so the block picker shows editors what it looks like
(rendered with the site stylesheet, offline).
"""

import copy

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .contact import SiteContactBlock
from .report import ReportBlock, WebAddressBlock

# Rich text features editors may use in body copy: no headings (use the heading block so the
# outline stays correct), no embeds (use the video block); lang-*: language_of_parts.py.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "lang-cy", "lang-en"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label="Heading", max_length=120, help_text="A short heading for the next section."
    )
    level = blocks.ChoiceBlock(
        label="Level",
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use 'Section heading' for a new section, 'Sub-heading' inside one.",
        search_index=False,  # a layout choice, not words on the page
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "core/blocks/heading.html"
        description = "A section heading. Screen-reader users jump between headings to navigate."
        preview_value = {"text": "What were the leaders doing?", "level": "h2"}


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Quotation", help_text="The words, without quotation marks.")
    attribution = blocks.CharBlock(
        label="Who said it",
        required=False,
        max_length=200,
        help_text="Optional, e.g. 'A Year 6 pupil'. Never name a child.",
    )

    class Meta:
        icon = "openquote"
        label = "Pull quote"
        template = "core/blocks/pull_quote.html"
        description = "A highlighted quotation with an optional attribution."
        preview_value = {
            "quote": "If you're the headteacher, you just have to be who you are.",
            "attribution": "A Year 6 pupil",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label="Image",
        help_text="Describe the image for people who cannot see it, or tick 'decorative' "
        "if it adds nothing to the text.",
    )
    caption = blocks.CharBlock(
        label="Caption", required=False, max_length=250, help_text="Optional, shown under it."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "core/blocks/figure.html"
        description = "An image with an optional caption, sized to fit every screen."

    def get_preview_value(self):
        # The first image in the library, so the preview never reaches outside the site.
        image = get_image_model().objects.order_by("pk").values_list("pk", flat=True).first()
        return self.to_python(
            {
                "image": {"image": image, "decorative": False, "alt_text": "Example image"},
                "caption": "A caption appears here.",
            }
        )


class TraitBlock(blocks.StructBlock):
    # Optional: items the sources do not name are plain list items, not given invented names.
    name = blocks.CharBlock(
        label="Name", required=False, max_length=120, help_text="Optional, e.g. 'Leaders of Place'."
    )
    description = blocks.TextBlock(
        label="Description",
        required=False,
        help_text="Optional: one or two sentences explaining the item.",
    )

    class Meta:
        icon = "tick"
        label = "Item"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("name") or value.get("description")):
            error = ValidationError("Give the item a name, a description or both.")
            raise StructBlockValidationError(block_errors={"description": error})
        return value


class TraitListBlock(blocks.StructBlock):
    """Named items with a description: the leadership 'DNA', 'When you feel you belong',
    the restorative questions."""

    heading = blocks.CharBlock(
        label="Heading", required=False, max_length=120, help_text="Optional heading."
    )
    intro = blocks.TextBlock(
        label="Introduction", required=False, help_text="Optional sentence before the list."
    )
    items = blocks.ListBlock(
        TraitBlock(),
        label="Items",
        min_num=1,
        help_text="Each item: a description, with a name if it has one.",
    )

    class Meta:
        icon = "list-ul"
        label = "Trait list"
        template = "core/blocks/trait_list.html"
        description = "A list of named traits or points, each with a short description."
        preview_value = {
            "heading": "Leadership 'DNA'",
            "intro": "Their leadership is infused with some common features.",
            "items": [
                {"name": "Leaders of Place", "description": "Finely tuned to the neighbourhood."},
                {"name": "Relational", "description": "They are 'caring' leaders."},
            ],
        }


class ComparisonColumnBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Heading", max_length=120, help_text="e.g. 'The Belonging Challenge'."
    )
    lead_in = blocks.CharBlock(
        label="Lead-in",
        required=False,
        max_length=200,
        help_text=(
            "Optional words that introduce the points, "
            "e.g. 'A sense of belonging has been linked to'."
        ),
    )
    points = blocks.ListBlock(
        blocks.CharBlock(label="Point", max_length=300),
        label="Points",
        min_num=1,
        help_text="One point per item. The two columns may have different numbers of points.",
    )


class ComparisonBlock(blocks.StructBlock):
    """Two lists side by side (the challenge / opportunity table). The columns do not pair
    row by row, so they are rendered as two lists rather than a table."""

    first = ComparisonColumnBlock(label="First column")
    second = ComparisonColumnBlock(label="Second column")

    class Meta:
        icon = "table"
        label = "Comparison"
        template = "core/blocks/comparison.html"
        description = "Two lists side by side, e.g. the Belonging Challenge and Opportunity."
        preview_value = {
            "first": {
                "heading": "The Belonging Challenge",
                "lead_in": "",
                "points": ["1 in 4 young people feel they do not belong in school."],
            },
            "second": {
                "heading": "The Belonging Opportunity",
                "lead_in": "A sense of belonging has been linked to:",
                "points": ["Increased student motivation.", "Improved academic achievement."],
            },
        }


ONE_LINK_MESSAGE = "Choose either a page or a web address for the link, not both."


class ExactlyOneLinkMixin:
    """For blocks with a ``page`` and a ``url`` child: a link needs exactly one of them."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(ONE_LINK_MESSAGE)
            raise StructBlockValidationError(block_errors={"page": error, "url": error})
        return value


class FooterLinkBlock(ExactlyOneLinkMixin, blocks.StructBlock):
    text = blocks.CharBlock(max_length=60, help_text="The words of the link.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = WebAddressBlock(required=False, help_text="…or a page on another website.")

    class Meta:
        icon = "link"
        template = "core/blocks/footer_link.html"


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.CharBlock(max_length=40, help_text="e.g. 'Bluesky' or 'Instagram'.")
    url = WebAddressBlock(help_text="The address of the union's account.")

    class Meta:
        icon = "site"
        template = "core/blocks/social_link.html"


class CallToActionBlock(ExactlyOneLinkMixin, blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Heading", max_length=120, help_text="A short invitation, e.g. 'Get involved'."
    )
    text = blocks.TextBlock(label="Text", required=False, help_text="One or two sentences.")
    link_text = blocks.CharBlock(
        label="Button text", max_length=60, help_text="Words on the button, e.g. 'Get involved'."
    )
    page = blocks.PageChooserBlock(
        label="Link to a page", required=False, help_text="A page on this site…"
    )
    url = WebAddressBlock(
        label="…or a web address", required=False, help_text="…or a page on another website."
    )

    class Meta:
        icon = "pick"
        label = "Call to action (one-off)"
        template = "core/blocks/call_to_action.html"
        description = "A highlighted box inviting visitors to take the next step."
        preview_value = {
            "heading": "Get involved",
            "text": "Share best practice and register your interest.",
            "link_text": "Get involved",
            "page": None,
            "url": "https://neu.org.uk/",
        }


class ReusableCallToActionBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(
            "core.ReusableCallToAction",
            label="Call to action (shared)",
            template="core/blocks/reusable_call_to_action.html",
            icon="pick",
            description="A call to action kept in Snippets and shared by many pages, e.g. "
            "'Get involved'. Edit it once and every page shows the change.",
            help_text="Choose a shared call to action, or create one under Snippets.",
            **kwargs,
        )

    def get_preview_value(self):
        return self.target_model.objects.order_by("pk").first()

    def bulk_to_python(self, values):
        # With the page each one links to, in the same query: rendering needs its address.
        found = self.target_model.objects.select_related("page").in_bulk(values)
        return [copy.copy(found[pk]) if pk in found else None for pk in values]


class ContentStreamBlock(blocks.StreamBlock):
    """The blocks of page bodies that need nothing beyond this app. Page apps extend it with
    their own blocks (see casestudies.blocks.BodyStreamBlock)."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        template="core/blocks/rich_text.html",
        icon="pilcrow",
        label="Text",
        description="Paragraphs with bold, italic, links and lists.",
        preview_value="<p>The school is a <b>joyous</b> place to be.</p>",
    )
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = FigureBlock()
    trait_list = TraitListBlock()
    comparison = ComparisonBlock()
    report = ReportBlock()
    call_to_action = CallToActionBlock()
    shared_call_to_action = ReusableCallToActionBlock()
    site_contact = SiteContactBlock()
