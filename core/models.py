from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .blocks import ONE_LINK_MESSAGE, FooterLinkBlock, SocialLinkBlock
from .page_form import SitePageForm


def optional_link(model, **options):
    """An optional link to another object. Deleting the target leaves this one without it
    rather than deleting it too."""
    return models.ForeignKey(
        model, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **options
    )


def optional_image(**options):
    """An optional link to an image in Wagtail's library."""
    return optional_link("wagtailimages.Image", **options)


def optional_page(**options):
    """An optional link to a page of this site."""
    return optional_link("wagtailcore.Page", **options)


# Wagtail's own help shows "http://domain.com/blog/[my-slug]/": say it in this site's terms.
SLUG_HELP = (
    "The last part of the page's web address, made from the title: lower-case words "
    "joined by hyphens, e.g. belonging.neu.org.uk/case-studies/example-primary-school/. "
    "Changing it on a live page breaks links people have saved."
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

    base_form_class = SitePageForm  # messages in editors' words (page_form.py)
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", help_text=SLUG_HELP),
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


class ReusableCallToAction(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """A call to action that comms editors maintain once and place on many pages (for
    example "Get involved"), through the "Call to action (shared)" block.

    A change to it shows on every page at once, so it goes through the same approval as a
    page: editors save drafts (kept as revisions), preview them and submit them to the
    workflow; the public pages show the published version only (this row holds it, drafts
    live in revisions). Registered as a snippet in wagtail_hooks.py."""

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
    page = optional_page(
        verbose_name="Link to a page",
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

    # Wagtail keeps the drafts and the approval history of snippets through these relations.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="calltoaction")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="calltoaction",
        for_concrete_model=False,
    )

    class Meta:
        verbose_name = "shared call to action"
        verbose_name_plural = "shared calls to action"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "core/previews/reusable_call_to_action.html"

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
    notification_email = models.EmailField(
        "Form notifications to",
        blank=True,
        help_text="Told of each new form submission (without the answers), for every form "
        "whose own 'To address' is empty.",
    )
    privacy_notice_page = optional_page(
        help_text="Linked from every form's consent box and the footer; each submission "
        "records its text.",
    )
    # The privacy notice states these as they are here: nothing is assumed for them.
    data_controller_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who is responsible for members' data under data protection law (the data "
        "controller), as the privacy notice names it.",
    )
    data_controller_address = models.TextField(
        blank=True, help_text="The data controller's postal address, as the notice gives it."
    )
    data_protection_email = models.EmailField(
        blank=True,
        help_text="Where members ask for a copy of their answers, or for them to be deleted. "
        "Empty: the contact email.",
    )
    data_protection_contact = models.CharField(
        "Data protection contact",
        max_length=200,
        blank=True,
        help_text="Who answers data protection questions, as the privacy notice names them, "
        "e.g. the union's Data Protection Officer. Reached at the data protection email.",
    )
    international_transfers = models.TextField(
        "Transfers outside the UK",
        blank=True,
        help_text="Empty: the privacy notice says answers are not sent outside the UK. If a "
        "provider (hosting, email) stores them abroad, say where and under what safeguard.",
    )
    accessibility_statement_page = optional_page(
        help_text="Linked from the footer of every page.",
    )
    accessibility_email = models.EmailField(
        blank=True,
        help_text="Where visitors report a problem with the site's accessibility. Empty: the "
        "contact email.",
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
        FieldPanel("notification_email"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice_page"),
                FieldPanel("data_controller_name"),
                FieldPanel("data_controller_address"),
                FieldPanel("data_protection_email"),
                FieldPanel("data_protection_contact"),
                FieldPanel("international_transfers"),
            ],
            heading="Privacy",
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_statement_page"), FieldPanel("accessibility_email")],
            heading="Accessibility",
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "site settings"
