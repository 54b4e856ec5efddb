from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import ONE_LINK_MESSAGE, FooterLinkBlock, SocialLinkBlock


def optional_image(**options):
    """An optional link to an image in Wagtail's library. Deleting the image leaves the page
    without it rather than deleting the page."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


class BasePage(Page):
    """What every public page type has: a summary for cards and search results, and the
    search and sharing fields of the Promote tab, with fallbacks for when they are empty."""

    summary = models.TextField(
        "Summary",
        max_length=400,
        blank=True,
        help_text=(
            "One or two sentences shown on cards that link to this page and in search results."
        ),
    )
    social_image = optional_image(
        verbose_name="Social sharing image",
        help_text="Shown when the page is shared on social media. If empty, the page's own "
        "banner or hero image is used.",
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading="For search engines and social media",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_own_image(self):
        """The page type's main image, used when no social image is chosen."""
        return None

    def get_social_image(self):
        image = self.social_image or self.get_own_image()
        if image is None and (site := self.get_site()):
            image = SiteSettings.for_site(site).default_social_image
        return image

    def missing_sharing_fields(self):
        """Names of the Promote-tab fields an editor should fill before publishing."""
        missing = []
        if not self.search_description:
            missing.append("search description")
        if not self.social_image:
            missing.append("social sharing image")
        return missing


@register_snippet
class ReusableCallToAction(models.Model):
    """A call to action that comms editors maintain once and place on many pages (for
    example "Get involved"), through the "Call to action (shared)" block."""

    name = models.CharField(
        "Name in the admin",
        max_length=100,
        unique=True,
        help_text="Only editors see this, e.g. 'Get involved (members)'.",
    )
    heading = models.CharField(max_length=120, help_text="Shown at the top of the box.")
    text = models.TextField(blank=True, help_text="One or two sentences.")
    link_text = models.CharField(
        "Button text", max_length=60, help_text="Words on the button, e.g. 'Get involved'."
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Link to a page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A page on this site…",
    )
    url = models.URLField(
        "…or a web address", blank=True, help_text="…or a page on another website."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("link_text"),
        PageChooserPanel("page"),
        FieldPanel("url"),
    ]

    class Meta:
        verbose_name = "shared call to action"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if bool(self.page_id) == bool(self.url):
            raise ValidationError({"page": ONE_LINK_MESSAGE, "url": ONE_LINK_MESSAGE})


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide facts editors can change: who runs the site and where members read how their
    data is used."""

    organisation_name = models.CharField(
        max_length=120,
        default="National Education Union",
        help_text="Shown in the footer and in emails to members.",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="Where members can write with questions; used as the reply address of emails.",
    )
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every form's consent box; each submission records its text.",
    )

    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        help_text="Links shown in the footer of every page, e.g. the NEU website or accessibility.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="The union's social media accounts, shown in the footer.",
    )
    default_social_image = optional_image(
        help_text="Shown when a page is shared on social media and has no image of its own.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_notice_page"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "site settings"
