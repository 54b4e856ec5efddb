from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from casestudies.blocks import BodyStreamBlock
from core.blocks import RICH_TEXT_FEATURES
from core.languages import in_language_of
from core.models import BasePage
from themes.models import ThemePage

from .blocks import FirstScreenActionsBlock


class HomePage(BasePage):
    """The research overview: a first screen (the title, one sentence saying what this is,
    and up to three actions), the introduction, the challenge / opportunity comparison, a
    card for each theme (taken from the theme pages below it), then the rest of the body
    (the report block first: see the template)."""

    lead = models.CharField(
        "One-sentence summary",
        max_length=250,
        blank=True,
        help_text="Under the title, in the first screen: what this site is, in one sentence. "
        "Empty: the Summary.",
    )
    actions = StreamField(
        FirstScreenActionsBlock(),
        blank=True,
        help_text="Up to three buttons under that sentence, visible without scrolling: what "
        "visitors can do here.",
    )
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
        MultiFieldPanel([FieldPanel("lead"), FieldPanel("actions")], heading="First screen"),
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
        context["actions"] = [
            {"text": action.value["text"], "href": href}
            for action, href in self.action_targets(context)
            if href
        ]
        return context

    def shown_report_block(self, context):
        """The first report block visitors see (one with something to link to), if any."""
        for block in self.body:
            if block.block_type == "report" and not block.block.missing(block.value, context):
                return block
        return None

    def action_targets(self, context):
        """Each first-screen action with the address it leads to ("" when its target is not
        there for visitors: a page not live, no theme pages, no report block shown)."""
        for action in self.actions:
            page, part = action.value.get("page"), action.value.get("part")
            href = ""
            if page is not None:
                page = in_language_of(page.specific, self)
                href = page.url if page.live else ""
            elif part == "themes":
                href = "#themes" if context["themes"] else ""
            elif part == "report":
                report = self.shown_report_block(context)
                href = f"#block-{report.id}" if report else ""
            yield action, href

    def missing_parts(self):
        """What editors are told after saving (core/incomplete.py) about the first screen."""
        themes = ThemePage.objects.child_of(self).live().public()
        context = {"page": self, "request": None, "themes": themes.exists()}
        if not self.actions:
            yield "the first screen has no actions: add up to three under “First screen”."
        for action, href in self.action_targets(context):
            if not href:
                yield (
                    f"the first screen's action “{action.value['text']}” leads to nothing "
                    "visitors can see: choose a live page, or a part the overview shows."
                )


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
