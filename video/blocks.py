"""The video block: a facade (poster, title, a Play button) that loads the provider's player
only when pressed (see oembed.py and static/video/video.js). Without JavaScript, or until the
video has been looked up successfully, it is a link to the video.

Rendering reads only what the background task stored (tasks.py): the block never asks the
provider while a visitor waits for the page."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import RICH_TEXT_FEATURES
from core.incomplete import IncompleteBlockMixin
from core.web_address import WebAddressBlock

from . import oembed


class VideoBlock(IncompleteBlockMixin, blocks.StructBlock):
    """A video shown as a facade: poster, title and a Play button that loads the provider's
    player only when pressed. Without JavaScript, or when no lookup is stored, a link.
    Without a web address, nothing: visitors never meet a video that is not there."""

    title = blocks.CharBlock(
        max_length=200,
        help_text="What the video is, e.g. 'Krissi Carter: TED talk'. Also names the Play "
        "button and the player for screen-reader users.",
    )
    url = WebAddressBlock(
        required=False,
        label="Video web address",
        help_text="The address of the video on YouTube, Vimeo, TED or another provider that "
        "allows embedding. Until you add one, visitors see nothing of this video.",
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
        template = "video/video_block.html"
        description = "A video from YouTube, Vimeo, TED or another provider, with a transcript."
        # No web address: the preview must not contact a provider.
        preview_value = {
            "title": "Krissi Carter: TED talk",
            "url": "",
            "description": "A headteacher on the changes her school made.",
        }

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url")
        # Wagtail's EmbedBlock fetches the embed here and refuses to save when the provider
        # cannot be reached. Only a URL that no provider recognises is an error; an outage is
        # a warning after saving (wagtail_hooks.py), so the page and its URL are kept.
        if url and not oembed.is_embeddable(url):
            message = (
                f"We can't embed videos from {oembed.host_of(url)}. Use the address of the "
                "video on YouTube, Vimeo, TED or another provider that allows embedding."
            )
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value

    def missing(self, value, context):
        if value.get("url"):
            return ""
        return f"the video “{value.get('title')}” has no web address yet. Add its address."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["video"] = oembed.stored_video(value["url"]) if value.get("url") else None
        return context


def videos_in(page):
    """The values of the video blocks in a page's body, in order."""
    return [
        child.value
        for child in getattr(page, "body", None) or []
        if isinstance(child.block, VideoBlock)
    ]
