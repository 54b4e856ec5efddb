from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from casestudies.blocks import BodyStreamBlock
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from themes.models import ThemePage


class HomePage(BasePage):
    """The research overview: introduction, the challenge / opportunity comparison, a card
    for each theme (taken from the theme pages below it), then the rest of the body (the
    report block first: see the template)."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, help_text="Opening paragraphs.")
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Blocks up to and including the first comparison are shown before the theme "
        "cards, the others after them: start those with the report.",
    )
    themes_heading = models.CharField(
        max_length=120,
        default="The three themes",
        help_text="Heading above the theme cards.",
    )
    themes_intro = models.TextField(
        blank=True,
        help_text="Introduces the theme cards, which list the theme pages automatically.",
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "themes.ThemePage",
        "casestudies.CaseStudyIndexPage",
        "home.StandardPage",
        "getinvolved.PrivacyNoticePage",
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes_heading"), FieldPanel("themes_intro")], heading="Themes"
        ),
    ]

    class Meta:
        verbose_name = "overview page"

    def get_own_image(self):
        # The report's cover (a report block in the body), as the page's sharing image.
        for block in self.body:
            if block.block_type == "report" and block.value.get("cover"):
                return block.value["cover"]
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = (
            ThemePage.objects.child_of(self).live().public().select_related("banner_image")
        )
        return context


class StandardPage(BasePage):
    """A plain content page, e.g. "Get involved" or the privacy notice."""

    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The page content. Choose blocks with the + button; each shows a preview.",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "getinvolved.InterestFormPage"]

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = "standard page"
