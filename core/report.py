"""The report block: a research report's cover and title, linking to the report itself:
a document uploaded to this site (the link gives its format and size, read from the file)
or the address of a page elsewhere (e.g. the union's own page for the research).

Without either, visitors see nothing of it (incomplete.py): no cover without a link."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from .incomplete import IncompleteBlockMixin
from .web_address import WebAddressBlock

ONE_TARGET_MESSAGE = "Choose the report's document or give a web address, not both."


def document_label(document):
    """The document's format and size, from the file as uploaded: "PDF, 2.4 MB"."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    if document.file_size is not None:  # stored at upload: rendering never opens the file
        parts.append(filesizeformat(document.file_size))
    return ", ".join(parts)


class ReportBlock(IncompleteBlockMixin, blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Heading",
        max_length=120,
        default="Read the report",
        help_text="The heading of this section, e.g. 'Read the report'.",
    )
    title = blocks.CharBlock(
        label="Report title",
        max_length=250,
        help_text="The report's own title, e.g. 'Place and Belonging in School: why it "
        "matters today'.",
    )
    description = blocks.TextBlock(
        label="Description", required=False, help_text="Optional: a sentence about the report."
    )
    cover = ImageBlock(
        label="Cover",
        required=False,
        help_text="Optional: the report's cover. Describe it as what it is: if it is not the "
        "report's real cover, say so.",
    )
    document = DocumentChooserBlock(
        label="Document",
        required=False,
        help_text="The report uploaded to this site (e.g. the PDF): the link shows its format "
        "and size…",
    )
    url = WebAddressBlock(
        label="…or a web address",
        required=False,
        help_text="…or the address of the page where visitors can read or download it.",
    )
    link_text = blocks.CharBlock(
        label="Link text (web address only)",
        required=False,
        max_length=120,
        help_text="Optional words for a web address's link, e.g. 'Read the report on the NEU "
        "website'. Empty: 'Read the report on' and the site's name.",
    )

    class Meta:
        icon = "doc-full"
        label = "Report"
        template = "core/blocks/report.html"
        description = (
            "A report's cover and title with a link to the report: a document on this site "
            "or a page elsewhere."
        )

    def clean(self, value):
        value = super().clean(value)
        if value.get("document") and value.get("url"):
            error = ValidationError(ONE_TARGET_MESSAGE)
            raise StructBlockValidationError(block_errors={"document": error, "url": error})
        return value

    def missing(self, value, context):
        if value.get("document") or value.get("url"):
            return ""
        return (
            f"the report “{value.get('title')}” has nothing to link to. Choose its document, "
            "or give the address of the page where visitors can read it."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value.get("document")
        if document:
            context["link"] = {
                "href": document.url,
                "text": _("Download the report"),
                "details": document_label(document),
            }
        elif value.get("url"):
            host = urlsplit(value["url"]).hostname or ""
            context["link"] = {
                "href": value["url"],
                "text": value.get("link_text")
                or _("Read the report on %(host)s") % {"host": host.removeprefix("www.")},
                "details": "",
            }
        return context

    def get_preview_value(self):
        # The first image in the library, so the preview never reaches outside the site.
        image = get_image_model().objects.order_by("pk").values_list("pk", flat=True).first()
        return self.to_python(
            {
                "heading": "Read the report",
                "title": "Place and Belonging in School: why it matters today",
                "cover": {"image": image, "decorative": False, "alt_text": "The report's cover"},
                "url": "https://neu.org.uk/place-belonging",
                "link_text": "Read the report on the NEU website",
            }
        )
