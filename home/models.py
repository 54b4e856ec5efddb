from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from casestudies.blocks import BodyStreamBlock
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, optional_image
from themes.models import ThemePage


class HomePage(BasePage):
    """The research overview: introduction, the challenge / opportunity comparison, a card
    for each theme (taken from the theme pages below it) and the report cover."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, help_text="Opening paragraphs.")
    body = StreamField(BodyStreamBlock(), blank=True, help_text="The rest of the overview.")
    themes_heading = models.CharField(
        max_length=120,
        default="The three themes",
        help_text="Heading above the theme cards.",
    )
    themes_intro = models.TextField(
        blank=True,
        help_text="Introduces the theme cards, which list the theme pages automatically.",
    )
    report_cover = optional_image(
        help_text="The report's cover.",
    )
    report_cover_alt = models.CharField(
        max_length=250, blank=True, help_text="Describe the cover for people who cannot see it."
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full report (PDF) that the cover links to.",
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["themes.ThemePage", "casestudies.CaseStudyIndexPage", "home.StandardPage"]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes_heading"), FieldPanel("themes_intro")], heading="Themes"
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_cover"),
                FieldPanel("report_cover_alt"),
                FieldPanel("report_document"),
            ],
            heading="Report",
        ),
    ]

    class Meta:
        verbose_name = "overview page"

    def clean(self):
        super().clean()
        if self.report_cover and not self.report_cover_alt.strip():
            raise ValidationError(
                {"report_cover_alt": "Describe the report cover for screen readers."}
            )

    def get_own_image(self):
        return self.report_cover

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
