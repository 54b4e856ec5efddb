"""StreamField blocks shared by every page type.

Each block is defined once here and reused through ``BodyStreamBlock`` so that editors get
the same choices, and visitors the same markup, on the overview, theme, case-study and
standard pages.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from core import video

# Rich text features editors may use in body copy: no headings (use the heading block so
# the outline stays correct) and no embeds (use the video block).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="Short heading for the next section.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use 'Section heading' for a new section, 'Sub-heading' inside one.",
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        description = "A section heading that also appears in the page outline."


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The quotation, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said it, e.g. 'A Y6 pupil'. Optional."
    )

    class Meta:
        icon = "openquote"
        template = "core/blocks/pull_quote.html"
        description = "A highlighted quotation with an optional attribution."


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Describe the image for people who cannot see it, or mark it decorative."
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the image.")

    class Meta:
        icon = "image"
        template = "core/blocks/figure.html"
        description = "An image with optional caption, resized for every screen."


class TraitBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="e.g. 'Leaders of Place'.")
    description = blocks.TextBlock(
        required=False, help_text="Optional: one or two sentences explaining the item."
    )

    class Meta:
        icon = "tick"


class TraitListBlock(blocks.StructBlock):
    """Named items with a description: the leadership 'DNA', 'When you feel you belong',
    the restorative questions."""

    heading = blocks.CharBlock(required=False, max_length=120, help_text="Optional heading.")
    intro = blocks.TextBlock(required=False, help_text="Optional sentence introducing the list.")
    items = blocks.ListBlock(
        TraitBlock(), min_num=1, help_text="Each item: a name and a description."
    )

    class Meta:
        icon = "list-ul"
        template = "core/blocks/trait_list.html"
        description = "A list of named traits or points, each with a short description."


class ComparisonColumnBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, help_text="Column heading, e.g. 'The Belonging Challenge'."
    )
    lead_in = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=(
            "Optional words that introduce the points, "
            "e.g. 'A sense of belonging has been linked to'."
        ),
    )
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=1, help_text="One point per line."
    )


class ComparisonBlock(blocks.StructBlock):
    """Two lists side by side (the challenge / opportunity table). The columns do not pair
    row by row, so they are rendered as two lists rather than a table."""

    first = ComparisonColumnBlock(label="First column")
    second = ComparisonColumnBlock(label="Second column")

    class Meta:
        icon = "table"
        template = "core/blocks/comparison.html"
        description = (
            "Two lists side by side, e.g. the Belonging Challenge and the Belonging Opportunity."
        )


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, help_text="One or two sentences.")
    link_text = blocks.CharBlock(
        max_length=60, help_text="Words on the button, e.g. 'Get involved'."
    )
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or to another website.")

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action.html"
        description = "A highlighted box inviting visitors to take the next step."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose either a page or a web address for the link, not both."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video shown as a facade: poster, title and a Play button that loads the provider's
    player only when pressed (see core/video.py and site/static/js/video.js). Without
    JavaScript, or when the provider cannot be reached, it is a link to the video."""

    title = blocks.CharBlock(
        max_length=200,
        help_text="What the video is, e.g. 'Krissi Carter: TED talk'. Also names the Play "
        "button and the player for screen-reader users.",
    )
    url = blocks.URLBlock(
        required=False,
        label="Video web address",
        help_text="The address of the video on YouTube, Vimeo, TED or another provider that "
        "allows embedding. Until you add one, visitors see 'Video coming soon'.",
    )
    description = blocks.TextBlock(
        required=False, help_text="Optional: one or two sentences about the video."
    )
    poster = ImageChooserBlock(
        required=False,
        help_text="Optional: a still shown before the video plays. Without one, the "
        "provider's thumbnail is used.",
    )
    duration = blocks.CharBlock(
        required=False, max_length=40, help_text="Optional: how long it is, e.g. '15 minutes'."
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="Everything said (and important sounds), for visitors who cannot hear the "
        "video. Shown in a 'Transcript' section that visitors can open.",
    )
    captions_note = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Optional: e.g. 'English captions are available: turn them on in the player.'",
    )

    class Meta:
        icon = "media"
        template = "core/blocks/video.html"
        description = "A video from YouTube, Vimeo, TED or another provider, with a transcript."

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url")
        # Wagtail's EmbedBlock fetches the embed here and refuses to save when the provider
        # cannot be reached. Only a URL that no provider recognises is an error; an outage is
        # a warning after saving (core/wagtail_hooks.py), so the page and its URL are kept.
        if url and not video.is_embeddable(url):
            message = (
                f"We can't embed videos from {video.host_of(url)}. Use the address of the "
                "video on YouTube, Vimeo, TED or another provider that allows embedding."
            )
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["video"] = video.video_for(value["url"]) if value.get("url") else None
        return context


class CaseStudyTeaserBlock(blocks.StructBlock):
    case_study = blocks.PageChooserBlock(page_type="casestudies.CaseStudyPage")

    class Meta:
        icon = "doc-full"
        template = "core/blocks/case_study_teaser.html"
        description = "A card linking to one of the case studies."


class BodyStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/rich_text.html", icon="pilcrow"
    )
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = FigureBlock()
    trait_list = TraitListBlock()
    comparison = ComparisonBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    case_study_teaser = CaseStudyTeaserBlock()
